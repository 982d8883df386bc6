/**
 * `npm run bench`: builds the app, starts the simulator(s), the app and a naive proxy on
 * loopback (ports 45xx), measures, prints one table side by side and writes
 * bench/results/latest.json. Bounded: every load has a fixed duration; the whole run stays
 * well under five minutes on two cores. Every child process is stopped at the end.
 */
import { spawnSync } from "node:child_process";
import { SEED_IDS, SIM_DEFAULTS } from "../simulator/seed-ids";
import { POOL_CONNECTIONS, startApp, type App } from "./lib/app";
import { measureBlankPage, measureEmbed } from "./lib/frontend-budget";
import { startNaiveProxy, type NaiveProxy } from "./lib/naive-proxy";
import { machine, printTable, saveJson } from "./lib/report";
import { buildRows, profileRows } from "./lib/rows";
import { clusterRows } from "./lib/cluster-rows";
import { phaseAudit, phaseCluster, type PhaseOptions } from "./lib/cluster-phase";
import { measureCpuPerRequest, measureCpuProfile } from "./lib/cpu-scenarios";
import {
  measureCacheHit,
  measureCoalescing,
  measureDirect,
  measureIdleFloor,
  measureNextFloor,
  measureOverhead,
  measureRateLimit,
  measureSharedLoad,
  measureSlowestSingle,
  measureSummary,
  waitForQuiet,
} from "./lib/scenarios";
import { sampleMaxOpen, startSim, type Sim } from "./lib/sim";

const PORTS = { app: 4500, appProfiled: 4501, simFast: 4510, simLimited: 4511, blank: 4520 };
const CLUSTER_PORTS: PhaseOptions["ports"] = { sim: 4512, apps: [4530, 4531, 4532], memory: 4533 };
/** Sequential cache hits per median (the Redis and audit rows): sub-millisecond differences need many. */
const HIT_REQUESTS = Number(process.env.BENCH_HIT_REQUESTS ?? 400);
const LATENCY_MS = 50;
const SPACE_LIMIT = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Requests per CPU-per-request figure: enough for the 10 ms clock ticks of /proc to be < 1 % of the total. */
const CPU_REQUESTS = Number(process.env.BENCH_CPU_REQUESTS ?? 3000);
/** Agents re-opening five customers, 2.5x the space's limit: more than the naive proxy can pass on, well within ours. */
const SHARED_AGENT_RATE = 2.5 * SPACE_LIMIT;

const running: Array<{ stop: () => Promise<void> }> = [];
async function stopAll() {
  for (const r of running.splice(0).reverse()) await r.stop().catch(() => undefined);
}

/** Builds the app; false (with the reason recorded) when it cannot be built, so the rest still runs. */
function build(results: Record<string, unknown>): boolean {
  if (process.env.BENCH_SKIP_BUILD === "1") return true;
  console.log("building the app (next build)…");
  const result = spawnSync("npm", ["run", "build"], {
    encoding: "utf8",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    timeout: 240_000,
  });
  if (result.status === 0) return true;
  results.appPending = `next build failed: ${
    (result.stdout + result.stderr)
      .split("\n")
      .find((l) => /not found|can't resolve|type error/i.test(l))
      ?.trim() ?? "see npm run build"
  }`;
  console.error(results.appPending);
  return false;
}

/** Runs one measurement; a failure is recorded as pending with its reason instead of ending the bench. */
async function measure(results: Record<string, unknown>, key: string, run: () => Promise<unknown>): Promise<void> {
  try {
    results[key] = await run();
  } catch (error) {
    results[key] = { pending: (error as Error).message.split("\n")[0] };
    console.error(`${key}: ${(results[key] as { pending: string }).pending}`);
  }
}

async function phaseUnlimited(results: Record<string, unknown>) {
  // The simulator without its rate limit and the app with a high one: these figures isolate the BFF's own cost.
  const sim: Sim = await startSim(PORTS.simFast, { rateLimit: 0, latencyMs: LATENCY_MS });
  running.push(sim.child);
  const app: App = await startApp(PORTS.app, { upstream: sim.url, rateLimit: 100_000 });
  running.push(app.child);
  // The direct references first; then the BFF's runs back to back, so its pool never idles
  // past the keep-alive timeout and the connection count shows the pool, not reconnections.
  console.log("simulator directly at 1 and 50 agents, and the summary's single calls…");
  const direct1 = await measureDirect(sim, 1, SECONDS);
  const direct50 = await measureDirect(sim, 50, SECONDS);
  const slowest = await measureSlowestSingle(sim, 30);
  await sim.resetStats();
  const openSampler = sampleMaxOpen(sim);
  console.log("BFF at 1 and 50 agents, summary, coalescing…");
  await measure(results, "overhead1", () => measureOverhead(app, direct1, 1, SECONDS));
  await measure(results, "overhead50", () => measureOverhead(app, direct50, 50, SECONDS));
  await measure(results, "summary", () => measureSummary(app, slowest, 30));
  await measure(results, "coalescing", () => measureCoalescing(app, sim, SEED_IDS.quiet.userId, 50));
  await measure(results, "cacheHit", () => measureCacheHit(app, SECONDS));
  await measure(results, "nextFloor", () => measureNextFloor(app, SECONDS));
  await measure(results, "cpuPerRequest", () => measureCpuPerRequest(app, CPU_REQUESTS));
  // Counted before the front-end part: Chromium's start is an idle gap longer than the simulator's keep-alive
  // timeout, after which reconnecting is expected; the count over the whole phase is kept too.
  results.connectionsUnlimited = await sim.appConnectionsOpened();
  console.log("front-end budget…");
  await measure(results, "frontend", () => measureEmbed(app));
  results.connectionsUnlimitedWholePhase = await sim.appConnectionsOpened();
  results.connectionsMaxOpen = await openSampler.stop();
  // Last: its own connection to the simulator would count in the connection figures above.
  await measure(results, "idleFloor", () => measureIdleFloor(app, sim, 50, 40));
  // A second app under the profiler (its own process: profiling slows it down, so no other figure comes from it).
  console.log("CPU profile of the BFF at 50 agents…");
  await measure(results, "cpuProfile", () => measureCpuProfile(PORTS.appProfiled, sim, 100_000, SECONDS));
  await stopAll();
}

async function phaseLimited(results: Record<string, unknown>) {
  // The space's documented limit on both sides, as in production.
  const sim: Sim = await startSim(PORTS.simLimited, { rateLimit: SPACE_LIMIT, latencyMs: LATENCY_MS });
  running.push(sim.child);
  const app: App = await startApp(PORTS.app, { upstream: sim.url, rateLimit: SPACE_LIMIT });
  running.push(app.child);
  await sim.resetStats();
  console.log(`agent load 5x the space limit (${5 * SPACE_LIMIT}/s)…`);
  await measure(results, "rateLimit", () => measureRateLimit(app, sim, 5 * SPACE_LIMIT, SECONDS));
  await waitForQuiet(sim);
  const connectionsOpened = await sim.appConnectionsOpened();
  console.log("same load: ours vs the naive proxy…");
  await measure(results, "oursShared", () =>
    measureSharedLoad(app.url, sim, { cookie: app.cookie }, SECONDS, SHARED_AGENT_RATE),
  );
  results.connectionsLimited =
    connectionsOpened + ((results.oursShared as { upstreamConnectionsOpened?: number }).upstreamConnectionsOpened ?? 0);
  await runNaive(results, sim);
  await stopAll();
}

async function runNaive(results: Record<string, unknown>, sim: Sim) {
  const naive: NaiveProxy = await startNaiveProxy({
    upstream: sim.url,
    spaceId: SIM_DEFAULTS.spaceId,
    token: SIM_DEFAULTS.token,
  });
  running.push({ stop: naive.close });
  await measure(results, "naiveShared", () => measureSharedLoad(naive.url, sim, {}, SECONDS, SHARED_AGENT_RATE));
}

/** Without a built app only the baseline can be measured; the BFF's rows say why they are pending. */
async function phaseBaselineOnly(results: Record<string, unknown>) {
  const sim: Sim = await startSim(PORTS.simLimited, { rateLimit: SPACE_LIMIT, latencyMs: LATENCY_MS });
  running.push(sim.child);
  await runNaive(results, sim);
  await stopAll();
}

/** `BENCH_PHASES=cluster,audit` runs only those (while working on them); the default is every phase. */
const PHASES = new Set((process.env.BENCH_PHASES ?? "unlimited,limited,cluster,audit").split(","));

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

async function main() {
  const started = Date.now();
  const results: Record<string, unknown> = {
    machine: machine(),
    latencyMs: LATENCY_MS,
    spaceLimit: SPACE_LIMIT,
    poolConnections: POOL_CONNECTIONS,
    seconds: SECONDS,
  };
  if (build(results)) {
    if (PHASES.has("unlimited")) await phaseUnlimited(results);
    if (PHASES.has("limited")) await phaseLimited(results);
    const options: PhaseOptions = {
      ports: CLUSTER_PORTS,
      latencyMs: LATENCY_MS,
      spaceLimit: SPACE_LIMIT,
      seconds: SECONDS,
      hitRequests: HIT_REQUESTS,
    };
    const record = (key: string, run: () => Promise<unknown>) => measure(results, key, run);
    if (PHASES.has("cluster"))
      await phaseCluster(record, running, options).catch((e: unknown) =>
        record("cluster", () => Promise.reject(asError(e))),
      );
    await stopAll();
    if (PHASES.has("audit"))
      await phaseAudit(record, running, options).catch((e: unknown) =>
        record("audit", () => Promise.reject(asError(e))),
      );
    await stopAll();
  } else await phaseBaselineOnly(results);
  if (PHASES.has("unlimited")) {
    console.log("blank Next.js page…");
    const blank = await measureBlankPage(PORTS.blank).catch((e: unknown) => ({
      pending: (e as Error).message.split("\n")[0],
    }));
    results.blankJsGzip = "pending" in blank ? blank : blank.jsGzip;
    if (!("pending" in blank)) results.blankVisibleMs = blank.visibleMs;
  }
  results.elapsedSeconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `\nProfile Sidebar bench — ${JSON.stringify(results.machine)}, simulator latency ${LATENCY_MS} ms, ${results.elapsedSeconds as number} s\n`,
  );
  printTable([...buildRows(results), ...clusterRows(results)]);
  const profile = profileRows(results);
  if (profile.length) {
    console.log(
      "\nWhere a BFF miss's server CPU goes (CPU profile at 50 agents; ms = share x the miss's CPU per request above)\n",
    );
    printTable(profile);
  }
  saveJson("bench/results/latest.json", results);
  console.log("\nwrote bench/results/latest.json");
}

process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
main()
  .catch((error: unknown) => {
    console.error(`bench failed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  // Exit once every child is stopped: a handle left open (seen once after the results were written) must not keep
  // the bench — and /tmp/bench.lock, which other runs wait on — alive.
  .finally(() => stopAll().then(() => process.exit()));
