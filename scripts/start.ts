/**
 * `npm start`: validate configuration, then hand over to `next start`.
 * Next.js runs instrumentation lazily (on the first request), so without this a misconfigured
 * server would look healthy until someone used it. Run with `--conditions=react-server` so the
 * `server-only` guard in lib/config resolves as it does inside Next's server bundle.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { ConfigError, parseConfig } from "../lib/config";

let port: number;
let host: string;
try {
  ({ PORT: port, HOST: host } = parseConfig(process.env));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", host], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
