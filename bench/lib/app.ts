/** The built app (`npm start`'s script) as a child process, signed in once through next-auth. */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { SIM_DEFAULTS } from "../../simulator/seed-ids";
import { startChild, waitForHealth, type Child } from "./processes";
import { signIn } from "./sign-in";

export const BENCH_PASSWORD = "bench-password";
export const POOL_CONNECTIONS = 32;

export type App = { url: string; child: Child; cookie: string };

/**
 * `npm start`'s script; with `cpuProfileDir`, `next start` itself under `node --cpu-prof` (the profile is written there
 * when the server exits), so the profile is the server's and not a wrapper's.
 */
export async function startApp(
  port: number,
  options: {
    upstream: string;
    rateLimit: number;
    cpuProfileDir?: string;
    /** Instances of one deployment share it (a cookie signed by one is accepted by the others). */
    authSecret?: string;
    /** Extra variables (REDIS_URL, AUDIT_ENABLED…). */
    env?: Record<string, string>;
  },
): Promise<App> {
  const url = `http://localhost:${port}`;
  const [command, args] = options.cpuProfileDir
    ? [
        process.execPath,
        [
          "--cpu-prof",
          `--cpu-prof-dir=${options.cpuProfileDir}`,
          "--cpu-prof-interval=1000",
          createRequire(import.meta.url).resolve("next/dist/bin/next"),
          "start",
          "-p",
          String(port),
          "-H",
          "127.0.0.1",
        ],
      ]
    : ["node_modules/.bin/tsx", ["--conditions=react-server", "scripts/start.ts"]];
  const child = startChild("app", command, args, {
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: url,
    PROFILE_API_URL: options.upstream,
    PROFILE_API_RATE_LIMIT: String(options.rateLimit),
    PROFILE_API_POOL_CONNECTIONS: String(POOL_CONNECTIONS),
    SEGMENT_SPACE_ID: SIM_DEFAULTS.spaceId,
    SEGMENT_ACCESS_TOKEN: SIM_DEFAULTS.token,
    AUTH_SECRET: options.authSecret ?? randomBytes(32).toString("hex"),
    DEMO_PASSWORD: BENCH_PASSWORD,
    // Each app its own throwaway audit file: the bench never writes into the checkout's ./data.
    AUDIT_DB_PATH: path.join(mkdtempSync(path.join(tmpdir(), "bench-audit-")), "audit.db"),
    ...options.env,
  });
  await waitForHealth(child, `${url}/api/health`);
  return { url, child, cookie: await signIn(url, BENCH_PASSWORD) };
}

export function bffProfileUrl(
  app: { url: string },
  collection: string,
  id: string,
  resource?: string,
  query = "",
): string {
  return `${app.url}/api/profiles/${collection}/${encodeURIComponent(id)}${resource ? `/${resource}` : ""}${query}`;
}
