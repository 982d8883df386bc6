import { PeakMeter } from "./rate-limit";

export type SimulatorStats = {
  requests: { total: number; byRoute: Record<string, number>; byStatus: Record<string, number> };
  connections: { open: number; opened: number };
  peakRequestsPerSecond: number;
  rateLimited: number;
};

const MAX_RECORDED_PATHS = 20_000;

/** Counters for tests and benchmarks; admin requests are not counted. */
export class StatsCollector {
  private total = 0;
  private byRoute: Record<string, number> = {};
  private byStatus: Record<string, number> = {};
  private opened = 0;
  private rateLimited = 0;
  private readonly peak = new PeakMeter();
  /** The raw (still encoded) paths of the last API requests, oldest first: tests check where the app's calls went. */
  private paths: string[] = [];
  open = 0;

  recentPaths(): string[] {
    return [...this.paths];
  }

  connectionOpened(): void {
    this.open++;
    this.opened++;
  }

  connectionClosed(): void {
    this.open = Math.max(0, this.open - 1);
  }

  request(route: string | undefined, rawPath?: string): void {
    this.total++;
    if (rawPath !== undefined) {
      if (this.paths.length >= MAX_RECORDED_PATHS) this.paths.shift();
      this.paths.push(rawPath);
    }
    if (route) this.byRoute[route] = (this.byRoute[route] ?? 0) + 1;
    this.peak.hit();
  }

  /** A status code, or "dropped" for a destroyed socket. */
  outcome(status: number | "dropped"): void {
    const key = String(status);
    this.byStatus[key] = (this.byStatus[key] ?? 0) + 1;
    if (status === 429) this.rateLimited++;
  }

  snapshot(): SimulatorStats {
    return {
      requests: { total: this.total, byRoute: { ...this.byRoute }, byStatus: { ...this.byStatus } },
      connections: { open: this.open, opened: this.opened },
      peakRequestsPerSecond: this.peak.peak,
      rateLimited: this.rateLimited,
    };
  }

  /** Zeroes the counters; connections still open stay counted as open. */
  reset(): void {
    this.total = 0;
    this.byRoute = {};
    this.byStatus = {};
    this.opened = 0;
    this.rateLimited = 0;
    this.paths = [];
    this.peak.reset();
  }
}
