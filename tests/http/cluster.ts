/**
 * Several BUILT app instances (`next start`, each its own process and free loopback port) against one simulator and
 * one real redis-server, as a load balancer without sticky sessions would see them (DESIGN §9). Same AUTH_SECRET on
 * every instance, so a session from one works on all. Needs `npm run build` first.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { type RunningSimulator, startSimulator } from "@/simulator/server";
import { SIM_DEFAULTS } from "@/simulator/seed-ids";
import { startRedis, type TestRedis } from "@/tests/support/redis-server";
import { DEMO_PASSWORD, getFreePort, ROOT, signIn, startApp, stopChild, waitForHealth } from "./harness";

export type Instance = { url: string; child: ChildProcess; output: () => string };
export type Timed = { status: number; ms: number; cache: string | null; json: unknown };

export type Cluster = {
  instances: Instance[];
  sim: RunningSimulator;
  redis: TestRedis;
  signIn(name: string): Promise<string>;
  /** GET on instance `i` with a session cookie; also measures the time to the whole answer. */
  get(i: number, pathname: string, session: string): Promise<Timed>;
  health(i: number): Promise<{ status: string; redis: string }>;
  /** JSON log lines of instance `i` with this `msg`. */
  logs(i: number, msg: string): Array<Record<string, unknown>>;
  stop(): Promise<void>;
};

export async function startCluster(options: { instances: number; appEnv?: Record<string, string> }): Promise<Cluster> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID")))
    throw new Error("Run `npm run build` first: the HTTP tests use the build.");
  const redis = await startRedis();
  const token = `sim-token-LEAKCHECK-${randomBytes(6).toString("hex")}`;
  const sim = await startSimulator({ port: 0, token, spaceId: SIM_DEFAULTS.spaceId });
  const env = {
    SEGMENT_SPACE_ID: SIM_DEFAULTS.spaceId,
    SEGMENT_ACCESS_TOKEN: token,
    PROFILE_API_URL: sim.url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    DEMO_PASSWORD,
    REDIS_URL: redis.url,
    ...options.appEnv,
  };
  const instances: Instance[] = [];
  const stop = async () => {
    await Promise.all(instances.map((i) => stopChild(i.child)));
    await sim.close();
    await redis.stop();
  };
  try {
    for (let n = 0; n < options.instances; n++) {
      const port = await getFreePort();
      const app = startApp(port, env);
      instances.push({ url: `http://127.0.0.1:${port}`, ...app });
    }
    await Promise.all(instances.map((i) => waitForHealth(i.url, i.child, i.output)));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    instances,
    sim,
    redis,
    stop,
    async signIn(name) {
      const session = await signIn(instances[0]!.url, name, DEMO_PASSWORD);
      if (!session) throw new Error(`demo sign-in failed:\n${instances[0]!.output()}`);
      return session;
    },
    async get(i, pathname, session) {
      const started = performance.now();
      const response = await fetch(`${instances[i]!.url}${pathname}`, { headers: { Cookie: session } });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        /* asserted on status */
      }
      return { status: response.status, ms: performance.now() - started, cache: response.headers.get("x-cache"), json };
    },
    async health(i) {
      return (await (await fetch(`${instances[i]!.url}/api/health`)).json()) as { status: string; redis: string };
    },
    logs(i, msg) {
      return instances[i]!.output()
        .split("\n")
        .filter((line) => line.startsWith("{") && line.includes(`"msg":"${msg}"`))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}
