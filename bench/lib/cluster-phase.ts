/**
 * The bench's third and fourth phases: three instances on one real Redis (issue 12), and the audit trail's cost on
 * the BFF (issue 13). Everything started here is pushed on `running` and stopped by run.ts.
 */
import { randomBytes } from "node:crypto";
import { startRedis } from "../../tests/support/redis-server";
import { SEED_IDS } from "../../simulator/seed-ids";
import { BENCH_PASSWORD, bffProfileUrl, startApp, type App } from "./app";
import {
  measureClusterCoalescing,
  measureClusterFairness,
  measureClusterRateLimit,
  medianHitMs,
} from "./cluster-scenarios";
import { runLoad } from "./load";
import { waitForQuiet } from "./scenarios";
import { signIn } from "./sign-in";
import { startSim } from "./sim";

type Running = Array<{ stop: () => Promise<void> }>;
type Measure = (key: string, run: () => Promise<unknown>) => Promise<void>;
export type PhaseOptions = {
  ports: { sim: number; apps: [number, number, number]; memory: number };
  latencyMs: number;
  spaceLimit: number;
  seconds: number;
  hitRequests: number;
};

export async function phaseCluster(measure: Measure, running: Running, o: PhaseOptions): Promise<void> {
  const redis = await startRedis();
  running.push({ stop: () => redis.stop() });
  const sim = await startSim(o.ports.sim, { rateLimit: o.spaceLimit, latencyMs: o.latencyMs });
  running.push(sim.child);
  const authSecret = randomBytes(32).toString("hex");
  const shared = { upstream: sim.url, rateLimit: o.spaceLimit, authSecret, env: { REDIS_URL: redis.url } };
  const apps: App[] = [];
  for (const port of o.ports.apps) {
    const app = await startApp(port, shared);
    running.push(app.child);
    apps.push(app);
  }
  // The in-memory reference for the cache-hit row: same simulator, no REDIS_URL.
  const memory = await startApp(o.ports.memory, { upstream: sim.url, rateLimit: o.spaceLimit });
  running.push(memory.child);

  console.log(`three instances on one Redis: ${5 * o.spaceLimit}/s agents spread over them…`);
  await measure("clusterRateLimit", () => measureClusterRateLimit(apps, sim, 5 * o.spaceLimit, o.seconds));
  await waitForQuiet(sim, 1_000, 30_000);
  console.log("three instances: 60 agents open one profile, re-open on another instance…");
  await measure("clusterCoalescing", () => measureClusterCoalescing(apps, sim, 60));
  await waitForQuiet(sim, 1_000, 30_000);
  console.log("three instances: a calm agent while another floods…");
  const flooderCookie = await signIn(apps[0]!.url, BENCH_PASSWORD, "bench-flooder");
  await measure("clusterFairness", () =>
    measureClusterFairness({ ...apps[0]!, cookie: flooderCookie }, apps.slice(1), o.seconds, 5 * o.spaceLimit),
  );
  await waitForQuiet(sim, 1_000, 30_000);
  console.log("cache hit: Redis instance vs in-memory instance…");
  await measure("clusterHit", async () => ({
    requests: o.hitRequests,
    redisP50: await medianHitMs(apps[1]!, "metadata", o.hitRequests),
    memoryP50: await medianHitMs(memory, "metadata", o.hitRequests),
  }));
}

/** The same cache hits with the audit trail on (AUDIT_FAIL_MODE=closed: the request waits for its entry) and off. */
export async function phaseAudit(measure: Measure, running: Running, o: PhaseOptions): Promise<void> {
  const sim = await startSim(o.ports.sim, { rateLimit: 0, latencyMs: o.latencyMs });
  running.push(sim.child);
  const audited = await startApp(o.ports.apps[0], { upstream: sim.url, rateLimit: 100_000 });
  running.push(audited.child);
  const unaudited = await startApp(o.ports.apps[1], {
    upstream: sim.url,
    rateLimit: 100_000,
    env: { AUDIT_ENABLED: "false" },
  });
  running.push(unaudited.child);
  console.log("BFF with and without the audit trail…");
  await measure("auditCost", async () => {
    // Interleaved (with, without, with, without) so a slow patch of the shared machine does not land on one side only.
    const one = { with: [] as number[], without: [] as number[] };
    for (let round = 0; round < 2; round++) {
      one.with.push(await medianHitMs(audited, undefined, o.hitRequests));
      one.without.push(await medianHitMs(unaudited, undefined, o.hitRequests));
    }
    const at50 = async (app: App) =>
      (
        await runLoad({
          url: bffProfileUrl(app, "users", SEED_IDS.ada.userId),
          connections: 50,
          duration: o.seconds,
          headers: { cookie: app.cookie },
        })
      ).p50;
    const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
    return {
      requests: o.hitRequests,
      withP50: mean(one.with),
      withoutP50: mean(one.without),
      with50P50: await at50(audited),
      without50P50: await at50(unaudited),
    };
  });
}
