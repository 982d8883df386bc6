/**
 * Three app instances on one Redis and one rate-limited simulator (DESIGN §9, issue 12): what they share, measured.
 * Each function returns plain figures; cluster-rows.ts turns them into the printed rows.
 */
import { Pool } from "undici";
import { SEED_IDS } from "../../simulator/seed-ids";
import { bffProfileUrl, type App } from "./app";
import { runOpenLoop } from "./load";
import type { Sim } from "./sim";

const REFRESH = { "cache-control": "no-cache" };
const ADA = SEED_IDS.ada.userId;

/** Agents at `rate`/s in all, spread evenly over the instances, every request a refresh (each must go upstream). */
export async function measureClusterRateLimit(apps: App[], sim: Sim, rate: number, seconds: number) {
  await sim.resetStats();
  const loads = await Promise.all(
    apps.map((app) =>
      runOpenLoop({
        url: bffProfileUrl(app, "users", ADA, "traits"),
        rate: rate / apps.length,
        seconds,
        headers: { cookie: app.cookie, ...REFRESH },
      }),
    ),
  );
  const stats = await sim.stats();
  const total = loads.reduce((a, l) => a + l.total, 0);
  const ok = loads.reduce((a, l) => a + l.ok, 0);
  return {
    instances: apps.length,
    agentRequestsPerSecond: rate,
    agentRequests: total,
    served: ok,
    upstreamPeakPerSecond: stats.peakRequestsPerSecond,
    upstream429: stats.rateLimited,
  };
}

/**
 * `agents` agents open one (uncached) profile's summary at the same moment, dealt round-robin over the instances;
 * then one agent re-opens it on an instance other than the first one asked.
 */
export async function measureClusterCoalescing(apps: App[], sim: Sim, agents: number) {
  const id = SEED_IDS.manyTraits.userId;
  const before = (await sim.stats()).requests.total;
  const statuses = await Promise.all(
    Array.from({ length: agents }, (_, n) => {
      const app = apps[n % apps.length]!;
      return fetch(bffProfileUrl(app, "users", id), { headers: { cookie: app.cookie } }).then((r) => r.status);
    }),
  );
  const afterOpen = (await sim.stats()).requests.total;
  const other = apps[apps.length - 1]!;
  const reopen = await fetch(bffProfileUrl(other, "users", id), { headers: { cookie: other.cookie } });
  await reopen.arrayBuffer();
  const afterReopen = (await sim.stats()).requests.total;
  return {
    agents,
    instances: apps.length,
    summaryParts: 6,
    allOk: statuses.every((s) => s === 200),
    upstreamCallsOnOpen: afterOpen - before,
    upstreamCallsOnReopen: afterReopen - afterOpen,
    reopenXCache: reopen.headers.get("x-cache"),
  };
}

/**
 * One agent floods instance 0 at `floodRate`/s (refreshes: every one wants the upstream) while a calm agent asks at
 * 2/s on the other instances. The calm agent's wait is what the fairness rule promises (≤ 1 s at p50).
 */
export async function measureClusterFairness(flooder: App, calm: App[], seconds: number, floodRate: number) {
  const [flood, ...calmLoads] = await Promise.all([
    runOpenLoop({
      url: bffProfileUrl(flooder, "users", ADA, "traits"),
      rate: floodRate,
      seconds,
      headers: { cookie: flooder.cookie, ...REFRESH },
    }),
    ...calm.map((app) =>
      runOpenLoop({
        url: bffProfileUrl(app, "users", ADA, "external_ids"),
        rate: 2 / calm.length,
        seconds,
        headers: { cookie: app.cookie, ...REFRESH },
      }),
    ),
  ]);
  const calmTotal = calmLoads.reduce((a, l) => a + l.total, 0);
  const calmOk = calmLoads.reduce((a, l) => a + l.ok, 0);
  return {
    floodRequestsPerSecond: floodRate,
    floodServed: flood.ok,
    floodRequests: flood.total,
    calmRequests: calmTotal,
    calmServed: calmOk,
    calmP50: Math.max(...calmLoads.map((l) => l.servedP50)),
    calmP99: Math.max(...calmLoads.map((l) => l.servedP99)),
  };
}

/**
 * Median of `requests` sequential cache hits on one keep-alive connection, in ms with 0.01 precision (autocannon's
 * whole milliseconds cannot show a sub-millisecond difference). The first answers warm the route and the cache.
 */
export async function medianHitMs(app: App, resource: string | undefined, requests: number): Promise<number> {
  const url = new URL(bffProfileUrl(app, "users", ADA, resource));
  const pool = new Pool(url.origin, { connections: 1 });
  const times: number[] = [];
  try {
    for (let i = 0; i < requests + 20; i++) {
      const started = performance.now();
      const res = await pool.request({ path: url.pathname, method: "GET", headers: { cookie: app.cookie } });
      await res.body.dump();
      if (res.statusCode !== 200) throw new Error(`cache hit: HTTP ${res.statusCode}`);
      if (i >= 20) times.push(performance.now() - started);
    }
  } finally {
    await pool.close();
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] ?? 0) * 100) / 100;
}
