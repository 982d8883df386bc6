/** Turns the bench's results into the printed table: one figure per row, with its target. */
import type { Row } from "./report";

type Overhead = {
  connections: number;
  direct: { p50: number; p99: number };
  bff: { p50: number; p99: number };
  overheadP50Ms: number;
  overheadP99Ms: number;
  ratioP50: number | null;
  ratioP99: number | null;
};
type Shared = {
  agentRequestsPerSecond: number;
  agentRequests: number;
  servedShare: number | null;
  p50: number;
  p99: number;
  upstreamCalls: number;
  upstreamConnectionsOpened: number;
  upstreamPeakPerSecond: number;
};
type Results = Record<string, unknown>;

const ms = (n: number) => `${Math.round(n * 10) / 10} ms`;
const pct = (n: number | null) => (n === null ? "n/a" : `${Math.round(n * 1000) / 10}%`);

function overheadRows(o: Overhead): Row[] {
  const at50 = o.connections === 50;
  return [
    {
      figure: `BFF vs direct p50, ${o.connections} agent(s)`,
      value: `${ms(o.bff.p50)} vs ${ms(o.direct.p50)} (+${ms(o.overheadP50Ms)}, ${o.ratioP50}x)`,
      target: at50 ? "≤ 1.5x (stretch 1.1x)" : "≤ 2 ms",
      met: at50 ? (o.ratioP50 ?? 99) <= 1.5 : o.overheadP50Ms <= 2,
    },
    {
      figure: `BFF vs direct p99, ${o.connections} agent(s)`,
      value: `${ms(o.bff.p99)} vs ${ms(o.direct.p99)} (+${ms(o.overheadP99Ms)}, ${o.ratioP99}x)`,
      target: "-",
      met: null,
    },
  ];
}

type CpuPerRequest = Record<"floor" | "hit" | "miss", { requests: number; msPerRequest: number }>;

/** Server CPU per request (process tree, all threads): the bare handler, then a BFF hit and miss against it. */
function cpuRows(c: CpuPerRequest | undefined): Row[] {
  if (!c) return [];
  const perCore = (msPerRequest: number) => `≈ ${Math.round(1000 / msPerRequest)} req/s per core`;
  const over = (x: { msPerRequest: number }) => Math.round((x.msPerRequest - c.floor.msPerRequest) * 1000) / 1000;
  return [
    {
      figure: `server CPU per request: bare handler /api/health (${c.floor.requests} requests)`,
      value: `${c.floor.msPerRequest} ms (${perCore(c.floor.msPerRequest)})`,
      target: "-",
      met: null,
    },
    {
      figure: "server CPU per request: BFF cache hit (metadata)",
      value: `${c.hit.msPerRequest} ms (+${over(c.hit)} ms; ${perCore(c.hit.msPerRequest)})`,
      target: "≤ bare + 0.2 ms",
      met: over(c.hit) <= 0.2,
    },
    {
      figure: "server CPU per request: BFF miss (traits, refresh → upstream)",
      value: `${c.miss.msPerRequest} ms (+${over(c.miss)} ms; ${perCore(c.miss.msPerRequest)})`,
      target: "≤ bare + 0.5 ms",
      met: over(c.miss) <= 0.5,
    },
  ];
}

type Frontend = {
  embedJsGzip?: number;
  embedTotalJsGzip?: number;
  visibleFirstInBrowserMs?: number;
  visibleColdMs?: number;
  visibleWarmMedianMs?: number;
  visibleThrottledMs?: number;
  pending?: string;
};

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** /embed's first-load JS (the HTML's scripts) and total JS (also what loads after), both against the blank page. */
function jsRows(f: Frontend | undefined, blank: number | undefined, blankRaw: unknown): Row[] {
  const figure = "/embed first-load JS (gzip) vs blank Next.js page";
  if (f?.embedJsGzip === undefined || !blank)
    return [{ figure, value: `pending: ${f?.pending ?? JSON.stringify(blankRaw)}`, target: "≤ 1.2x", met: null }];
  const ratio = (bytes: number) => Math.round((bytes / blank) * 100) / 100;
  const rows: Row[] = [
    {
      figure,
      value: `${kib(f.embedJsGzip)} vs ${kib(blank)} (${ratio(f.embedJsGzip)}x)`,
      target: "≤ 1.2x",
      met: ratio(f.embedJsGzip) <= 1.2,
    },
  ];
  if (f.embedTotalJsGzip !== undefined) {
    rows.push({
      figure: "/embed total JS (gzip; + what loads after, an event expanded) vs blank",
      value: `${kib(f.embedTotalJsGzip)} vs ${kib(blank)} (${ratio(f.embedTotalJsGzip)}x)`,
      target: "-",
      met: null,
    });
  }
  return rows;
}

const isPending = (v: unknown): v is { pending: string } => typeof v === "object" && v !== null && "pending" in v;

export function buildRows(results: Results): Row[] {
  const rows: Row[] = [];
  // A measurement that could not run is one "pending" row with its reason, and left out below.
  const r: Results = {};
  for (const [key, value] of Object.entries(results)) {
    if (isPending(value) && key !== "frontend" && key !== "blankJsGzip")
      rows.push({ figure: key, value: `pending: ${value.pending}`, target: "-", met: null });
    else r[key] = value;
  }
  if (typeof r.appPending === "string")
    rows.push({ figure: "BFF figures", value: `pending: ${r.appPending}`, target: "-", met: null });
  for (const key of ["overhead1", "overhead50"]) if (r[key]) rows.push(...overheadRows(r[key] as Overhead));
  const floor = r.nextFloor as { p50: number; rps: number } | undefined;
  const o50 = r.overhead50 as (Overhead & { direct: { rps?: number }; bff: { rps?: number } }) | undefined;
  if (floor) {
    const need = o50?.direct.rps
      ? `; 50 agents at the direct p50 need ${Math.round(o50.direct.rps)} req/s, the BFF served ${Math.round(o50.bff.rps ?? 0)}`
      : "";
    rows.push({
      figure: "Next.js floor: /api/health, 50 agents (no auth, no upstream)",
      value: `p50 ${ms(floor.p50)}, ${Math.round(floor.rps)} req/s${need}`,
      target: "-",
      met: null,
    });
  }
  const idle = r.idleFloor as { gapMs: number; next: number; plainNode: number } | undefined;
  if (idle) {
    rows.push({
      figure: `Next.js floor: /api/health vs plain node:http, 1 agent, ${idle.gapMs} ms idle between requests`,
      value: `${ms(idle.next)} vs ${ms(idle.plainNode)} (+${ms(idle.next - idle.plainNode)})`,
      target: "-",
      met: null,
    });
  }
  rows.push(...cpuRows(r.cpuPerRequest as CpuPerRequest | undefined));
  const hit = r.cacheHit as { p50: number; p99: number } | undefined;
  if (hit)
    rows.push({
      figure: "BFF cache HIT p50 / p99, 1 agent (no upstream)",
      value: `${ms(hit.p50)} / ${ms(hit.p99)}`,
      target: "-",
      met: null,
    });
  const s = r.summary as { summaryP50: number; slowestSingleP50: number; ratio: number | null } | undefined;
  if (s)
    rows.push({
      figure: "summary p50 vs slowest single call p50",
      value: `${ms(s.summaryP50)} vs ${ms(s.slowestSingleP50)} (${s.ratio}x)`,
      target: "≤ 1.2x",
      met: (s.ratio ?? 99) <= 1.2,
    });
  const c = r.coalescing as
    | {
        agents: number;
        distinctUpstreamResources: number;
        upstreamCallsOnOpen: number;
        upstreamCallsOnReopen: number;
        allOk: boolean;
      }
    | undefined;
  if (c) {
    rows.push({
      figure: `upstream calls, ${c.agents} agents open one profile`,
      value: `${c.upstreamCallsOnOpen} for ${c.distinctUpstreamResources} summary parts${c.allOk ? "" : " (some agents failed)"}`,
      target: "1 per part",
      met: c.upstreamCallsOnOpen <= c.distinctUpstreamResources && c.allOk,
    });
    rows.push({
      figure: "upstream calls, re-open within TTL",
      value: String(c.upstreamCallsOnReopen),
      target: "0",
      met: c.upstreamCallsOnReopen === 0,
    });
  }
  const rl = r.rateLimit as
    | {
        agentRequestsPerSecond: number;
        agentRequests: number;
        upstreamPeakPerSecond: number;
        servedShare: number | null;
        servedP50: number;
        servedP99: number;
        upstream429: number;
      }
    | undefined;
  const limit = r.spaceLimit as number;
  if (rl) {
    rows.push({
      figure: `peak upstream req/s, agents at ${rl.agentRequestsPerSecond}/s (refresh)`,
      value: `${rl.upstreamPeakPerSecond}/s (upstream 429s: ${rl.upstream429})`,
      target: `≤ ${limit}/s`,
      met: rl.upstreamPeakPerSecond <= limit,
    });
    rows.push({
      figure: "agent requests served at 5x the limit",
      value: `${pct(rl.servedShare)} of ${rl.agentRequests} (served p50 ${ms(rl.servedP50)}, p99 ${ms(rl.servedP99)}); rest 429`,
      target: "-",
      met: null,
    });
  }
  const pool = r.poolConnections as number;
  for (const [key, label] of [
    ["connectionsUnlimited", "phase 1 load runs"],
    ["connectionsLimited", "phase 2"],
  ] as const) {
    if (typeof r[key] === "number")
      rows.push({
        figure: `upstream TCP connections opened (${label})`,
        value: String(r[key]),
        target: `≤ pool (${pool})`,
        met: r[key] <= pool,
      });
  }
  if (typeof r.connectionsUnlimitedWholePhase === "number") {
    rows.push({
      figure: "upstream TCP connections opened (phase 1 incl. front-end, after an idle gap)",
      value: String(r.connectionsUnlimitedWholePhase),
      target: "-",
      met: null,
    });
  }
  if (typeof r.connectionsMaxOpen === "number") {
    rows.push({
      figure: "upstream TCP connections open at once (phase 1, max)",
      value: String(r.connectionsMaxOpen),
      target: `≤ pool (${pool})`,
      met: r.connectionsMaxOpen <= pool,
    });
  }
  const ours = r.oursShared as Shared | undefined;
  const naive = r.naiveShared as Shared | undefined;
  if (ours && naive) {
    const fewer = ours.upstreamCalls > 0 ? Math.round((naive.upstreamCalls / ours.upstreamCalls) * 10) / 10 : Infinity;
    rows.push({
      figure: `same load (${ours.agentRequestsPerSecond}/s agents, 5 customers): upstream calls, ours vs naive`,
      value: `${ours.upstreamCalls} vs ${naive.upstreamCalls} (${fewer}x fewer)`,
      target: "≥ 10x fewer",
      met: fewer >= 10,
    });
    rows.push({
      figure: "same load: p99 of answers with data, ours vs naive",
      value: `${ms(ours.p99)} vs ${ms(naive.p99)} (${Math.round((ours.p99 / Math.max(naive.p99, 0.1)) * 100) / 100}x)`,
      target: "better",
      met: ours.p99 < naive.p99,
    });
    rows.push({
      figure: "same load: served, ours vs naive",
      value: `${pct(ours.servedShare)} vs ${pct(naive.servedShare)} of ${ours.agentRequests} / ${naive.agentRequests}`,
      target: "-",
      met: null,
    });
    rows.push({
      figure: "same load: connections opened, ours vs naive",
      value: `${ours.upstreamConnectionsOpened} vs ${naive.upstreamConnectionsOpened}`,
      target: "-",
      met: null,
    });
  }
  if (naive && !ours) {
    rows.push({
      figure: "naive proxy: upstream calls / served / p99",
      value: `${naive.upstreamCalls} / ${pct(naive.servedShare)} of ${naive.agentRequests} / ${ms(naive.p99)}`,
      target: "-",
      met: null,
    });
  }
  const f = r.frontend as Frontend | undefined;
  if (f || r.blankJsGzip !== undefined)
    rows.push(...jsRows(f, typeof r.blankJsGzip === "number" ? r.blankJsGzip : undefined, r.blankJsGzip));
  if (f?.visibleFirstInBrowserMs !== undefined) {
    rows.push({
      figure: "navigation → visible, browser's first page (another customer)",
      value: ms(f.visibleFirstInBrowserMs),
      target: "-",
      met: null,
    });
  }
  const blankVisible = typeof r.blankVisibleMs === "number" ? r.blankVisibleMs : undefined;
  if (blankVisible !== undefined) {
    rows.push({
      figure: "navigation → visible, blank Next.js page (this machine's floor, median of 3)",
      value: ms(blankVisible),
      target: "-",
      met: null,
    });
  }
  const overBlank = (t: number) =>
    blankVisible ? ` (${Math.round((t / blankVisible) * 100) / 100}x the blank page)` : "";
  if (f?.visibleColdMs !== undefined) {
    rows.push({
      figure: "navigation → summary + just happened visible (cold BFF cache)",
      value: `${ms(f.visibleColdMs)}${overBlank(f.visibleColdMs)}`,
      target: "≤ 600 ms",
      met: f.visibleColdMs <= 600,
    });
    rows.push({
      figure: "navigation → visible (warm BFF cache, median of 3)",
      value: `${ms(f.visibleWarmMedianMs ?? 0)}${overBlank(f.visibleWarmMedianMs ?? 0)}`,
      target: "-",
      met: null,
    });
  }
  if (f?.visibleThrottledMs !== undefined) {
    rows.push({
      figure: "navigation → summary + just happened visible, CPU throttled 4x (cold BFF cache, simulator 50 ms)",
      value: ms(f.visibleThrottledMs),
      target: "≤ 1000 ms",
      met: f.visibleThrottledMs <= 1000,
    });
  }
  return rows;
}

type Profile = {
  requests: number;
  busyMs: number;
  windowMs: number;
  buckets: Array<{ bucket: string; share: number }>;
};

/**
 * The CPU profile's buckets as rows: share of the server's busy samples, and that share of a BFF miss's CPU per request
 * (measured without the profiler, which slows everything down about evenly).
 */
export function profileRows(results: Results): Row[] {
  const p = results.cpuProfile as Profile | undefined;
  if (!p || isPending(p)) return [];
  const miss = (results.cpuPerRequest as CpuPerRequest | undefined)?.miss.msPerRequest;
  const rows: Row[] = p.buckets.map((b) => ({
    figure: b.bucket,
    value: `${(b.share * 100).toFixed(1)}%${miss ? ` ≈ ${(b.share * miss).toFixed(3)} ms` : ""}`,
    target: "-",
    met: null,
  }));
  rows.push({
    figure: `(${p.requests} requests in ${Math.round(p.windowMs)} ms under the profiler, ${Math.round(p.busyMs)} ms busy)`,
    value: "",
    target: "",
    met: null,
  });
  return rows;
}
