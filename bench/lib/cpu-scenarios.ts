/** The bench's CPU figures: server CPU milliseconds per request, and a CPU profile of the BFF at 50 agents. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SEED_IDS } from "../../simulator/seed-ids";
import { bffProfileUrl, startApp, type App } from "./app";
import { treeCpuMs } from "./cpu";
import { largestProfile, summarizeProfile } from "./cpu-profile";
import { runLoad } from "./load";
import type { Sim } from "./sim";

const ADA = SEED_IDS.ada.userId;
const REFRESH = { "cache-control": "no-cache" };
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** The server's CPU (process tree, all threads) over `amount` requests, after a warm-up, per request. */
async function cpuPerRequest(app: App, url: string, headers: Record<string, string>, amount: number) {
  const pid = app.child.proc.pid;
  if (pid === undefined) throw new Error("the app has no pid");
  await runLoad({ url, connections: 50, amount: Math.max(200, amount / 10), headers });
  const before = treeCpuMs(pid);
  const load = await runLoad({ url, connections: 50, amount, headers });
  const cpuMs = treeCpuMs(pid) - before;
  if (load.ok < load.total * 0.99) throw new Error(`${url}: only ${load.ok} of ${load.total} answered 2xx`);
  return {
    requests: load.total,
    cpuMs: Math.round(cpuMs),
    msPerRequest: Math.round((cpuMs / load.total) * 1000) / 1000,
  };
}

/**
 * CPU per request for a BFF miss (a refresh: validated, upstream call through the pool, answer re-serialized), a BFF
 * cache hit, and `/api/health` — Next.js's own floor: a route handler that does nothing (no session, no upstream).
 */
export async function measureCpuPerRequest(app: App, amount: number) {
  const cookie = { cookie: app.cookie };
  const floor = await cpuPerRequest(app, `${app.url}/api/health`, {}, amount);
  const hitUrl = bffProfileUrl(app, "users", ADA, "metadata");
  await fetch(hitUrl, { headers: cookie });
  const hit = await cpuPerRequest(app, hitUrl, cookie, amount);
  const miss = await cpuPerRequest(app, bffProfileUrl(app, "users", ADA, "traits"), { ...cookie, ...REFRESH }, amount);
  return { floor, hit, miss };
}

/**
 * A CPU profile of a fresh app (`node --cpu-prof` on the Next.js server) while 50 agents refresh traits for `seconds`
 * (every request a miss, as in the 50-agent overhead row), summarised over the load's window only.
 */
export async function measureCpuProfile(port: number, sim: Sim, rateLimit: number, seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), "bench-cpu-prof-"));
  try {
    const app = await startApp(port, { upstream: sim.url, rateLimit, cpuProfileDir: dir });
    let requests = 0;
    let window = { fromUs: 0, toUs: 0 };
    try {
      const url = bffProfileUrl(app, "users", ADA, "traits");
      await runLoad({ url, connections: 50, duration: 2, headers: { cookie: app.cookie, ...REFRESH } });
      window = { fromUs: nowUs(), toUs: 0 };
      requests = (
        await runLoad({ url, connections: 50, duration: seconds, headers: { cookie: app.cookie, ...REFRESH } })
      ).total;
      window.toUs = nowUs();
    } finally {
      await app.child.stop();
    }
    const file = largestProfile(dir);
    if (!file) throw new Error("the server wrote no CPU profile");
    const summary = summarizeProfile(file, window);
    return {
      requests,
      ...summary,
      buckets: summary.buckets.map((b) => ({ ...b, msPerRequest: requests ? b.ms / requests : 0 })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
