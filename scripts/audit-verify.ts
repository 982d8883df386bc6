/**
 * `npm run audit:verify`: checks the audit trail's hash chain (DESIGN §10) in the configured store (DATABASE_URL, else
 * AUDIT_DB_PATH) and names the first entry that breaks it. Exit 0 when intact, 1 when broken, 2 when it cannot run.
 * Needs no AUTH_SECRET: the chain covers the stored (encrypted) values.
 */
import { existsSync } from "node:fs";
import { ConfigError, parseAuditConfig } from "../lib/config";
import { describeAuditStore, openAuditStore } from "../lib/audit/open-store";
import { verifyStore } from "../lib/audit/verify";

async function main(): Promise<number> {
  let config;
  try {
    config = parseAuditConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  if (!config.DATABASE_URL && !existsSync(config.AUDIT_DB_PATH)) {
    console.error(`audit:verify: no audit database at ${config.AUDIT_DB_PATH} (AUDIT_DB_PATH)`);
    return 2;
  }
  const store = openAuditStore(config);
  const where = describeAuditStore(config);
  try {
    let result;
    try {
      result = await verifyStore(store);
    } catch (error) {
      console.error(`audit:verify: cannot read ${where}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    if (result.ok) {
      console.log(`audit:verify: OK, ${result.checked} entries, chain intact up to entry ${result.lastSeq} (${where})`);
      return 0;
    }
    console.error(
      `audit:verify: BROKEN at entry ${result.seq}: ${result.reason} (${result.checked} entries verified before it; ${where})`,
    );
    return 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
