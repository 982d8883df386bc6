/** Printed rows of the three-instances-on-Redis phase (issue 12) and the audit trail's cost (issue 13). */
import type { Row } from "./report";

type Results = Record<string, unknown>;
const ms = (n: number) => `${Math.round(n * 100) / 100} ms`;
const has = <T>(v: unknown): v is T => typeof v === "object" && v !== null && !("pending" in v);

type RateLimit = {
  instances: number;
  agentRequestsPerSecond: number;
  agentRequests: number;
  served: number;
  upstreamPeakPerSecond: number;
  upstream429: number;
};
type Coalescing = {
  agents: number;
  instances: number;
  summaryParts: number;
  allOk: boolean;
  upstreamCallsOnOpen: number;
  upstreamCallsOnReopen: number;
  reopenXCache: string | null;
};
type Fairness = {
  floodRequestsPerSecond: number;
  floodServed: number;
  floodRequests: number;
  calmRequests: number;
  calmServed: number;
  calmP50: number;
  calmP99: number;
};
type Hit = { requests: number; redisP50: number; memoryP50: number };
type Audit = { requests: number; withP50: number; withoutP50: number; with50P50: number; without50P50: number };

function rateRows(rl: RateLimit, limit: number): Row[] {
  return [
    {
      figure: `3 instances on one Redis: peak upstream req/s, agents at ${rl.agentRequestsPerSecond}/s over all (refresh)`,
      value: `${rl.upstreamPeakPerSecond}/s (upstream 429s: ${rl.upstream429}; served ${rl.served} of ${rl.agentRequests})`,
      target: `≤ ${limit}/s`,
      met: rl.upstreamPeakPerSecond <= limit,
    },
  ];
}

function coalescingRows(c: Coalescing): Row[] {
  return [
    {
      figure: `3 instances: upstream calls, ${c.agents} agents open one profile at once`,
      value: `${c.upstreamCallsOnOpen} for ${c.summaryParts} summary parts${c.allOk ? "" : " (some agents failed)"}`,
      target: "1 per part",
      met: c.allOk && c.upstreamCallsOnOpen <= c.summaryParts,
    },
    {
      figure: "3 instances: upstream calls, re-open on another instance",
      value: `${c.upstreamCallsOnReopen} (X-Cache: ${c.reopenXCache ?? "none"})`,
      target: "0",
      met: c.upstreamCallsOnReopen === 0,
    },
  ];
}

function fairnessRows(f: Fairness): Row[] {
  return [
    {
      figure: `3 instances: calm agent's p50 / p99 wait while another floods at ${f.floodRequestsPerSecond}/s`,
      value: `${ms(f.calmP50)} / ${ms(f.calmP99)} (calm served ${f.calmServed} of ${f.calmRequests}; flood served ${f.floodServed} of ${f.floodRequests})`,
      target: "p50 ≤ 1000 ms",
      met: f.calmServed > 0 && f.calmP50 <= 1000,
    },
  ];
}

function hitRows(h: Hit): Row[] {
  return [
    {
      figure: `cache hit p50, 1 agent, median of ${h.requests}: Redis instance vs in-memory`,
      value: `${ms(h.redisP50)} vs ${ms(h.memoryP50)} (+${ms(h.redisP50 - h.memoryP50)} for the Redis round trips)`,
      target: "-",
      met: null,
    },
  ];
}

function auditRows(a: Audit): Row[] {
  return [
    {
      figure: `audit trail cost: summary (cache hit) p50, 1 agent, median of ${a.requests}, with vs without`,
      value: `${ms(a.withP50)} vs ${ms(a.withoutP50)} (+${ms(a.withP50 - a.withoutP50)})`,
      target: "a few ms",
      met: a.withP50 - a.withoutP50 <= 5,
    },
    {
      figure: "audit trail cost: summary (cache hit) p50, 50 agents, with vs without",
      value: `${ms(a.with50P50)} vs ${ms(a.without50P50)} (+${ms(a.with50P50 - a.without50P50)})`,
      target: "-",
      met: null,
    },
  ];
}

export function clusterRows(r: Results): Row[] {
  const rows: Row[] = [];
  if (has<RateLimit>(r.clusterRateLimit)) rows.push(...rateRows(r.clusterRateLimit, r.spaceLimit as number));
  if (has<Coalescing>(r.clusterCoalescing)) rows.push(...coalescingRows(r.clusterCoalescing));
  if (has<Fairness>(r.clusterFairness)) rows.push(...fairnessRows(r.clusterFairness));
  if (has<Hit>(r.clusterHit)) rows.push(...hitRows(r.clusterHit));
  if (has<Audit>(r.auditCost)) rows.push(...auditRows(r.auditCost));
  return rows;
}
