import type { AuditConfig } from "@/lib/config";
import { openPostgresStore } from "./postgres-store";
import { openSqliteStore } from "./sqlite-store";
import type { AuditStore } from "./store";

/** The configured audit store: Postgres when DATABASE_URL is set (several instances), else the embedded SQLite file. */
export function openAuditStore(
  config: Pick<AuditConfig, "DATABASE_URL" | "DATABASE_TIMEOUT_MS" | "AUDIT_DB_PATH">,
): AuditStore {
  if (config.DATABASE_URL) return openPostgresStore(config.DATABASE_URL, { timeoutMs: config.DATABASE_TIMEOUT_MS });
  return openSqliteStore(config.AUDIT_DB_PATH);
}

/** Where the store is, for messages: never the connection URL itself (it carries the password). */
export function describeAuditStore(config: Pick<AuditConfig, "DATABASE_URL" | "AUDIT_DB_PATH">): string {
  if (!config.DATABASE_URL) return `the SQLite file ${config.AUDIT_DB_PATH} (AUDIT_DB_PATH)`;
  try {
    const url = new URL(config.DATABASE_URL);
    return `Postgres at ${url.hostname}:${url.port || "5432"}${url.pathname} (DATABASE_URL)`;
  } catch {
    return "Postgres (DATABASE_URL)";
  }
}
