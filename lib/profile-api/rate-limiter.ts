import "server-only";

/**
 * The space-wide client-side rate limiter (DESIGN §4; seeds: 100 requests/s per space, back off
 * on 429). A sliding-window log: a grant is allowed when the k-th most recent grant is at least
 * k/rate seconds old, checked for k = rate (never more than `rate` in any one-second window)
 * and k = burst (at most `burst` back to back, so requests leave evenly instead of in one
 * clump that the upstream would see arrive late and bunched). Waiters queue FIFO, bounded,
 * until their deadline. Upstream 429s halve the rate and pause for Retry-After; the rate then
 * recovers linearly (AIMD, the usual answer to a shared limit we cannot see).
 */

export class RateLimitedError extends Error {
  override name = "RateLimitedError";
  constructor(
    readonly retryAfterSeconds: number,
    readonly reason: "queue_full" | "deadline",
  ) {
    super(reason === "queue_full" ? "Too many requests are waiting for the Profile API." : "The Profile API rate limit was reached.");
  }
}

export type RateLimiterOptions = {
  /** Requests per second toward the space (PROFILE_API_RATE_LIMIT). */
  rate: number;
  /** Back-to-back grants allowed; ≤ rate. Default rate/10. */
  burst?: number;
  /** Most waiters held; more fail at once. Default 10 × rate. */
  maxQueue?: number;
  /** Floor of the adaptive rate. Default rate/10 (≥ 1). */
  minRate?: number;
  /** Seconds after a cut to climb back from the floor to the full rate. Default 10. */
  recoverySeconds?: number;
  /**
   * Added to the one-second window: requests reach the upstream a little after their grant, and
   * not all equally late, so a window measured there could otherwise see rate + 1. Default 25 ms.
   */
  windowMarginMs?: number;
  now?: () => number;
};

type Waiter = { deadlineAt: number; resolve: () => void; reject: (e: unknown) => void; cleanup: () => void };

export type LimiterStats = { granted: number; rejected: number; rateLimitedByUpstream: number; queued: number; currentRate: number; peakPerSecond: number };

export class RateLimiter {
  readonly rate: number;
  private readonly burst: number;
  private readonly maxQueue: number;
  private readonly minRate: number;
  private readonly recoveryMs: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  /** Ring of the last `rate` grant times. */
  private readonly grants: number[];
  private count = 0;
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pausedUntil = 0;
  private cutRate: number;
  private cutAt = -Infinity;
  private counters = { granted: 0, rejected: 0, rateLimitedByUpstream: 0, peakPerSecond: 0 };

  constructor(options: RateLimiterOptions) {
    this.rate = Math.max(1, Math.floor(options.rate));
    this.burst = Math.min(this.rate, Math.max(1, Math.floor(options.burst ?? this.rate / 10)));
    this.maxQueue = options.maxQueue ?? this.rate * 10;
    this.minRate = Math.max(1, options.minRate ?? this.rate / 10);
    this.recoveryMs = (options.recoverySeconds ?? 10) * 1000;
    this.windowMs = 1000 + (options.windowMarginMs ?? 25);
    this.now = options.now ?? Date.now;
    this.grants = new Array<number>(this.rate).fill(-Infinity);
    this.cutRate = this.rate;
  }

  /** Resolves when a request may go; rejects with RateLimitedError past `deadlineAt`, or the signal's reason. */
  acquire(deadlineAt: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.queue.length === 0 && this.nextGrantAt() <= this.now()) {
      this.grant();
      return Promise.resolve();
    }
    const eta = this.estimateGrantAt(this.queue.length + 1);
    if (this.queue.length >= this.maxQueue || eta > deadlineAt) {
      return Promise.reject(this.reject(this.queue.length >= this.maxQueue ? "queue_full" : "deadline", eta));
    }
    return new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => this.expire(waiter), Math.max(0, deadlineAt - this.now()));
      const onAbort = () => {
        this.dropWaiter(waiter);
        reject(signal?.reason as Error);
      };
      const waiter: Waiter = {
        deadlineAt,
        resolve,
        reject,
        cleanup: () => {
          clearTimeout(timeout);
          signal?.removeEventListener("abort", onAbort);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(waiter);
      this.schedule();
    });
  }

  /** An upstream 429: halve the rate (once per second at most, so one burst of 429s is one cut) and pause. */
  onRateLimited(retryAfterMs?: number): void {
    const now = this.now();
    this.counters.rateLimitedByUpstream++;
    if (now - this.cutAt >= 1000) {
      this.cutRate = Math.max(this.minRate, this.currentRate() / 2);
      this.cutAt = now;
    }
    this.pausedUntil = Math.max(this.pausedUntil, now + Math.min(retryAfterMs ?? 1000, 60_000));
    this.schedule();
  }

  /** The adaptive rate now: the cut rate, climbing back linearly to the configured rate. */
  currentRate(): number {
    const elapsed = this.now() - Math.max(this.cutAt, this.pausedUntil);
    if (elapsed <= 0) return this.cutRate;
    return Math.min(this.rate, this.cutRate + ((this.rate - this.cutRate) * elapsed) / this.recoveryMs);
  }

  stats(): LimiterStats {
    return { ...this.counters, queued: this.queue.length, currentRate: this.currentRate() };
  }

  /** Earliest time the next grant may happen under the current rate, burst and pause. */
  private nextGrantAt(): number {
    const rate = this.currentRate();
    const perSecond = Math.max(1, Math.floor(rate));
    const burst = Math.max(1, Math.min(this.burst, perSecond));
    const interval = 1000 / rate;
    return Math.max(this.pausedUntil, this.nthLatest(perSecond) + this.windowMs, this.nthLatest(burst) + burst * interval);
  }

  private estimateGrantAt(position: number): number {
    return Math.max(this.nextGrantAt(), this.now()) + ((position - 1) * 1000) / this.currentRate();
  }

  private nthLatest(k: number): number {
    return this.grants[(((this.count - k) % this.rate) + this.rate) % this.rate] ?? -Infinity;
  }

  private grant(): void {
    const now = this.now();
    this.grants[this.count % this.rate] = now;
    this.count++;
    this.counters.granted++;
    const inLastSecond = this.grants.filter((t) => t > now - 1000).length;
    this.counters.peakPerSecond = Math.max(this.counters.peakPerSecond, inLastSecond);
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    const delay = Math.max(0, Math.ceil(this.nextGrantAt() - this.now()));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, delay);
  }

  private pump(): void {
    while (this.queue.length > 0 && this.nextGrantAt() <= this.now()) {
      const waiter = this.queue.shift();
      if (!waiter) break;
      waiter.cleanup();
      this.grant();
      waiter.resolve();
    }
    this.schedule();
  }

  private expire(waiter: Waiter): void {
    if (!this.dropWaiter(waiter)) return;
    waiter.reject(this.reject("deadline", this.estimateGrantAt(1)));
  }

  private dropWaiter(waiter: Waiter): boolean {
    const index = this.queue.indexOf(waiter);
    if (index < 0) return false;
    this.queue.splice(index, 1);
    waiter.cleanup();
    return true;
  }

  private reject(reason: "queue_full" | "deadline", eta: number): RateLimitedError {
    this.counters.rejected++;
    return new RateLimitedError(Math.max(1, Math.ceil((eta - this.now()) / 1000)), reason);
  }
}
