// The few parts of autocannon's programmatic API the bench uses (it ships no types, and adding
// @types/autocannon for one file is not worth a dependency).
declare module "autocannon" {
  type Histogram = { p50: number; p99: number; average: number; max: number };
  export type Result = {
    latency: Histogram;
    requests: Histogram & { total: number };
    "2xx": number;
    non2xx: number;
    errors: number;
    timeouts: number;
    statusCodeStats?: Record<string, { count: number }>;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    headers?: Record<string, string>;
    overallRate?: number;
    timeout?: number;
  };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
