import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** `npm run audit:verify` as an operator runs it (its own process), with only the audit store's variables. */
export function runAuditVerify(env: Record<string, string>): { status: number | null; output: string } {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const run = spawnSync(process.execPath, [tsx, "--conditions=react-server", "scripts/audit-verify.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
