/** A thin promise wrapper over autocannon with the figures the bench prints. */
import autocannon from "autocannon";

export type LoadResult = { p50: number; p99: number; total: number; ok: number; status: Record<string, number>; rps: number };

export type LoadOptions = {
  url: string;
  connections: number;
  /** Seconds; or `amount` requests. */
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
  overallRate?: number;
};

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration ?? 5,
    amount: options.amount,
    headers: options.headers,
    overallRate: options.overallRate,
    timeout: 15,
  });
  const status: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) status[code] = stat.count;
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    ok: result["2xx"],
    status,
    rps: result.requests.average,
  };
}
