/**
 * `npm run bench`: builds the app, starts the simulator(s), the app and a naive proxy on
 * loopback (ports 45xx), measures, prints one table side by side and writes
 * bench/results/latest.json. Bounded: every load has a fixed duration; the whole run stays
 * well under five minutes on two cores. Every child process is stopped at the end.
 */
import { spawnSync } from "node:child_process";
import { SEED_IDS, SIM_DEFAULTS } from "../simulator/seed-ids";
import { POOL_CONNECTIONS, startApp, type App } from "./lib/app";
import { measureBlankPageJs, measureEmbed } from "./lib/frontend-budget";
import { startNaiveProxy, type NaiveProxy } from "./lib/naive-proxy";
import { machine, printTable, saveJson } from "./lib/report";
import { buildRows } from "./lib/rows";
import { measureCoalescing, measureOverhead, measureRateLimit, measureSharedLoad, measureSummary } from "./lib/scenarios";
import { startSim, type Sim } from "./lib/sim";

const PORTS = { app: 4500, simFast: 4510, simLimited: 4511, blank: 4520 };
const LATENCY_MS = 50;
const SPACE_LIMIT = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const running: Array<{ stop: () => Promise<void> }> = [];
async function stopAll() {
  for (const r of running.splice(0).reverse()) await r.stop().catch(() => undefined);
}

function build() {
  if (process.env.BENCH_SKIP_BUILD === "1") return;
  console.log("building the app (next build)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}

async function phaseUnlimited(results: Record<string, unknown>) {
  // The simulator without its rate limit and the app with a high one: these figures isolate the BFF's own cost.
  const sim: Sim = await startSim(PORTS.simFast, { rateLimit: 0, latencyMs: LATENCY_MS });
  running.push(sim.child);
  const app: App = await startApp(PORTS.app, { upstream: sim.url, rateLimit: 100_000 });
  running.push(app.child);
  await sim.resetStats();
  console.log("overhead at 1 and 50 agents…");
  results.overhead1 = await measureOverhead(app, sim, 1, SECONDS);
  results.overhead50 = await measureOverhead(app, sim, 50, SECONDS);
  console.log("summary fan-out…");
  results.summary = await measureSummary(app, sim, 30);
  console.log("coalescing…");
  results.coalescing = await measureCoalescing(app, sim, SEED_IDS.quiet.userId, 50);
  console.log("front-end budget…");
  results.frontend = await measureEmbed(app).catch((e: unknown) => ({ pending: (e as Error).message.split("\n")[0] }));
  results.connectionsUnlimited = (await sim.stats()).connections.opened;
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
  results.rateLimit = await measureRateLimit(app, sim, 5 * SPACE_LIMIT, SECONDS);
  const connectionsOpened = (await sim.stats()).connections.opened;
  console.log("same load: ours vs the naive proxy…");
  results.oursShared = await measureSharedLoad(app.url, sim, { cookie: app.cookie }, SECONDS);
  results.connectionsLimited = connectionsOpened + (results.oursShared as { upstreamConnectionsOpened: number }).upstreamConnectionsOpened;
  const naive: NaiveProxy = await startNaiveProxy({ upstream: sim.url, spaceId: SIM_DEFAULTS.spaceId, token: SIM_DEFAULTS.token });
  running.push({ stop: naive.close });
  results.naiveShared = await measureSharedLoad(naive.url, sim, {}, SECONDS);
  await stopAll();
}

async function main() {
  const started = Date.now();
  const results: Record<string, unknown> = { machine: machine(), latencyMs: LATENCY_MS, spaceLimit: SPACE_LIMIT, poolConnections: POOL_CONNECTIONS, seconds: SECONDS };
  build();
  await phaseUnlimited(results);
  await phaseLimited(results);
  console.log("blank Next.js page…");
  results.blankJsGzip = await measureBlankPageJs(PORTS.blank).catch((e: unknown) => ({ pending: (e as Error).message.split("\n")[0] }));
  results.elapsedSeconds = Math.round((Date.now() - started) / 1000);
  console.log(`\nProfile Sidebar bench — ${JSON.stringify(results.machine)}, simulator latency ${LATENCY_MS} ms, ${results.elapsedSeconds as number} s\n`);
  printTable(buildRows(results));
  saveJson("bench/results/latest.json", results);
  console.log("\nwrote bench/results/latest.json");
}

process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
main()
  .catch((error: unknown) => {
    console.error(`bench failed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
