/** The built app (`npm start`'s script) as a child process, signed in once through next-auth. */
import { randomBytes } from "node:crypto";
import { SIM_DEFAULTS } from "../../simulator/seed-ids";
import { startChild, waitForHealth, type Child } from "./processes";
import { signIn } from "./sign-in";

export const BENCH_PASSWORD = "bench-password";
export const POOL_CONNECTIONS = 32;

export type App = { url: string; child: Child; cookie: string };

export async function startApp(port: number, options: { upstream: string; rateLimit: number }): Promise<App> {
  const url = `http://localhost:${port}`;
  const child = startChild("app", "node_modules/.bin/tsx", ["--conditions=react-server", "scripts/start.ts"], {
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: url,
    PROFILE_API_URL: options.upstream,
    PROFILE_API_RATE_LIMIT: String(options.rateLimit),
    PROFILE_API_POOL_CONNECTIONS: String(POOL_CONNECTIONS),
    SEGMENT_SPACE_ID: SIM_DEFAULTS.spaceId,
    SEGMENT_ACCESS_TOKEN: SIM_DEFAULTS.token,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    DEMO_PASSWORD: BENCH_PASSWORD,
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
