/** A thin promise wrapper over autocannon with the figures the bench prints. */
import autocannon from "autocannon";

export type LoadResult = {
  p50: number;
  p99: number;
  total: number;
  ok: number;
  status: Record<string, number>;
  rps: number;
};

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

/**
 * Open-loop load: requests leave at a fixed rate whatever the answers' latency (autocannon's
 * connections wait for answers, so a slow server would quietly lower the offered rate). Each
 * request gets its own timeout; nothing is retried.
 */
export async function runOpenLoop(options: {
  url: string;
  rate: number;
  seconds: number;
  headers?: Record<string, string>;
  timeoutMs?: number;
}) {
  const { Agent, request } = await import("undici");
  const dispatcher = new Agent({ connections: 4_000, keepAliveTimeout: 5_000 });
  const latencies: number[] = [];
  const status: Record<string, number> = {};
  const pending: Array<Promise<void>> = [];
  const total = Math.round(options.rate * options.seconds);
  const started = performance.now();
  const send = () => {
    const t0 = performance.now();
    const p = request(options.url, {
      headers: options.headers,
      dispatcher,
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    })
      .then(async (res) => {
        await res.body.dump();
        status[res.statusCode] = (status[res.statusCode] ?? 0) + 1;
        if (res.statusCode === 200) latencies.push(performance.now() - t0);
      })
      .catch(() => {
        status.error = (status.error ?? 0) + 1;
      });
    pending.push(p);
  };
  for (let sent = 0; sent < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * options.rate) + 1);
    while (sent < due) {
      send();
      sent++;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(pending);
  await dispatcher.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    total,
    ok: status["200"] ?? 0,
    status,
    servedP50: at(0.5),
    servedP99: at(0.99),
    offeredPerSecond: options.rate,
  };
}
