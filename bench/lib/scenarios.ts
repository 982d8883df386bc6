/** The bench's measurements. Each returns plain figures; run.ts prints and saves them. */
import { Pool } from "undici";
import { SEED_IDS } from "../../simulator/seed-ids";
import { bffProfileUrl, type App } from "./app";
import { runLoad, runOpenLoop } from "./load";
import { SIM_AUTH, simProfileUrl, type Sim, type SimStats } from "./sim";

const ADA = SEED_IDS.ada.userId;
const REFRESH = { "cache-control": "no-cache" };
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

type Latency = { p50: number; p99: number; rps: number; ok: number; total: number };

/** The simulator called directly (the reference the BFF is compared with). */
export async function measureDirect(sim: Sim, connections: number, seconds: number): Promise<Latency> {
  const r = await runLoad({
    url: simProfileUrl(sim, "users", ADA, "traits"),
    connections,
    duration: seconds,
    headers: { authorization: SIM_AUTH },
  });
  return { p50: r.p50, p99: r.p99, rps: r.rps, ok: r.ok, total: r.total };
}

/** BFF p50/p99 vs the simulator directly; the BFF is asked to refresh so every request goes upstream. */
export async function measureOverhead(app: App, direct: Latency, connections: number, seconds: number) {
  const bff = await runLoad({
    url: bffProfileUrl(app, "users", ADA, "traits"),
    connections,
    duration: seconds,
    headers: { cookie: app.cookie, ...REFRESH },
  });
  return {
    connections,
    direct,
    bff: { p50: bff.p50, p99: bff.p99, rps: bff.rps, ok: bff.ok, total: bff.total },
    overheadP50Ms: bff.p50 - direct.p50,
    overheadP99Ms: bff.p99 - direct.p99,
    ratioP50: ratio(bff.p50, direct.p50),
    ratioP99: ratio(bff.p99, direct.p99),
  };
}

const SUMMARY_CALLS: Array<[string, string]> = [
  ["traits", "?limit=100"],
  ["traits", "?class=computed_trait&limit=100"],
  ["traits", "?class=audience&limit=100"],
  ["external_ids", "?limit=100"],
  ["metadata", ""],
  ["links", "?limit=20"],
];

/** The slowest of the summary's six upstream calls made alone (p50 each), straight to the simulator. */
export async function measureSlowestSingle(sim: Sim, amount: number): Promise<number> {
  let slowest = 0;
  for (const [resource, query] of SUMMARY_CALLS) {
    const single = await runLoad({
      url: simProfileUrl(sim, "users", ADA, resource, query),
      connections: 1,
      amount,
      headers: { authorization: SIM_AUTH },
    });
    slowest = Math.max(slowest, single.p50);
  }
  return slowest;
}

/** Summary (six upstream calls in parallel) p50 vs the slowest of those calls made alone. */
export async function measureSummary(app: App, slowest: number, amount: number) {
  const summary = await runLoad({
    url: bffProfileUrl(app, "users", ADA),
    connections: 1,
    amount,
    headers: { cookie: app.cookie, ...REFRESH },
  });
  return {
    summaryP50: summary.p50,
    slowestSingleP50: slowest,
    ratio: ratio(summary.p50, slowest),
    ok: summary.ok,
    total: summary.total,
  };
}

function upstreamDelta(before: SimStats, after: SimStats) {
  return after.requests.total - before.requests.total;
}

/** 50 agents open the same (uncached) profile at once, then one re-opens it within the TTL. */
export async function measureCoalescing(app: App, sim: Sim, id: string, agents: number) {
  const before = await sim.stats();
  const statuses = await Promise.all(
    Array.from({ length: agents }, () =>
      fetch(bffProfileUrl(app, "users", id), { headers: { cookie: app.cookie } }).then((r) => r.status),
    ),
  );
  const afterOpen = await sim.stats();
  const reopen = await fetch(bffProfileUrl(app, "users", id), { headers: { cookie: app.cookie } });
  const afterReopen = await sim.stats();
  return {
    agents,
    distinctUpstreamResources: SUMMARY_CALLS.length,
    upstreamCallsOnOpen: upstreamDelta(before, afterOpen),
    allOk: statuses.every((s) => s === 200),
    upstreamCallsOnReopen: upstreamDelta(afterOpen, afterReopen),
    reopenXCache: reopen.headers.get("x-cache"),
  };
}

/**
 * Open-loop agent load at `rate` requests/s, each a refresh (so each must go upstream): the
 * limiter has to hold the upstream at the space limit. Served share = 2xx / all agent requests;
 * the rest are 429 rate_limit_error answers once the queue would outlast the deadline.
 */
export async function measureRateLimit(app: App, sim: Sim, rate: number, seconds: number) {
  await sim.resetStats();
  const load = await runOpenLoop({
    url: bffProfileUrl(app, "users", ADA, "traits"),
    rate,
    seconds,
    headers: { cookie: app.cookie, ...REFRESH },
  });
  const stats = await sim.stats();
  return {
    agentRequestsPerSecond: rate,
    agentRequests: load.total,
    served: load.ok,
    servedShare: ratio(load.ok, load.total),
    servedP50: load.servedP50,
    servedP99: load.servedP99,
    agentStatus: load.status,
    upstreamCalls: stats.requests.total,
    upstreamPeakPerSecond: stats.peakRequestsPerSecond,
    upstream429: stats.rateLimited,
  };
}

/** Waits until the simulator has seen no request for `quietMs` (calls queued by a previous load drain first). Bounded. */
export async function waitForQuiet(sim: Sim, quietMs = 1_000, maxMs = 15_000): Promise<void> {
  const until = Date.now() + maxMs;
  let last = (await sim.stats()).requests.total;
  let quietSince = Date.now();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    const now = (await sim.stats()).requests.total;
    if (now !== last) [last, quietSince] = [now, Date.now()];
    else if (Date.now() - quietSince >= quietMs) return;
  }
}

/** A BFF cache HIT at one agent: what the framework, session check and logging cost with no upstream at all. */
export async function measureCacheHit(app: App, seconds: number) {
  const url = bffProfileUrl(app, "users", ADA, "metadata");
  await fetch(url, { headers: { cookie: app.cookie } });
  const hit = await runLoad({ url, connections: 1, duration: seconds, headers: { cookie: app.cookie } });
  return { p50: hit.p50, p99: hit.p99, rps: hit.rps };
}

/**
 * The server's own ceiling on this machine: Next.js answering its cheapest route (`/api/health`: no session, no
 * upstream) to 50 agents. The BFF at 50 agents cannot be faster than this floor, whatever its own code costs.
 */
export async function measureNextFloor(app: App, seconds: number) {
  const r = await runLoad({ url: `${app.url}/api/health`, connections: 50, duration: seconds });
  return { p50: r.p50, p99: r.p99, rps: r.rps };
}

/**
 * What one request costs a server after an idle gap as long as the simulator's latency (the one-agent BFF figure's
 * situation: the app sits idle while the upstream answers). Next.js answering its cheapest route (`/api/health`)
 * against a plain node:http server (the simulator's admin health), one connection each, one request every `gapMs`.
 * Medians in ms, measured with undici from this process.
 */
export async function measureIdleFloor(app: App, sim: Sim, gapMs: number, requests: number) {
  const medianOf = async (origin: string, path: string) => {
    const pool = new Pool(origin, { connections: 1 });
    const times: number[] = [];
    try {
      for (let i = 0; i < requests + 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, gapMs));
        const started = performance.now();
        const res = await pool.request({ path, method: "GET" });
        await res.body.text();
        if (i >= 5) times.push(performance.now() - started); // the first few open the connection and warm up
      }
    } finally {
      await pool.close();
    }
    times.sort((a, b) => a - b);
    return Math.round((times[Math.floor(times.length / 2)] ?? 0) * 10) / 10;
  };
  return { gapMs, next: await medianOf(app.url, "/api/health"), plainNode: await medianOf(sim.url, "/__admin/health") };
}

/**
 * The same agent load through a proxy (our BFF or the naive baseline): agents re-opening a handful of customers at a
 * fixed rate (open loop, so both proxies get exactly the same requests at the same moments, whatever their speed).
 * Latencies are of the answers with data (200); the rest are the space's 429s passed on, or errors.
 */
export async function measureSharedLoad(
  baseUrl: string,
  sim: Sim,
  headers: Record<string, string>,
  seconds: number,
  agentRate: number,
) {
  const ids = [
    SEED_IDS.ada.userId,
    SEED_IDS.heavy.userId,
    SEED_IDS.quiet.userId,
    SEED_IDS.ada.email,
    SEED_IDS.docs.traitsUser,
  ];
  await sim.resetStats();
  const loads = await Promise.all(
    ids.map((id) =>
      runOpenLoop({
        url: bffProfileUrl({ url: baseUrl }, "users", id, "traits"),
        rate: agentRate / ids.length,
        seconds,
        headers,
      }),
    ),
  );
  const stats = await sim.stats();
  const total = loads.reduce((a, l) => a + l.total, 0);
  const ok = loads.reduce((a, l) => a + l.ok, 0);
  const p99 = Math.max(...loads.map((l) => l.servedP99));
  const p50 = Math.max(...loads.map((l) => l.servedP50));
  return {
    agentRequestsPerSecond: agentRate,
    agentRequests: total,
    served: ok,
    servedShare: ratio(ok, total),
    p50,
    p99,
    upstreamCalls: stats.requests.total,
    upstreamConnectionsOpened: await sim.appConnectionsOpened(),
    upstreamPeakPerSecond: stats.peakRequestsPerSecond,
  };
}
