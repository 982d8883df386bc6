import "server-only";

/**
 * The space-wide client-side rate limiter (DESIGN §4; seeds: 100 requests/s per space, back off
 * on 429). A request may leave when fewer than `rate` requests are in flight or finished within
 * the last second: counting a request until its answer is back (not just from when it left)
 * keeps the guarantee wherever in between it reached the upstream, so the space's own
 * one-second window never sees more than `rate`. On top, at most `burst` leave back to back, so
 * requests go out evenly rather than in one clump. Waiters queue FIFO, bounded, until their
 * deadline. Upstream 429s halve the rate and pause for Retry-After; the rate then recovers
 * linearly (AIMD, the usual answer to a shared limit we cannot see).
 */

/** Called once the attempt's answer (or failure) is back; the slot then ages out of the window. */
export type Release = () => void;

export class RateLimitedError extends Error {
  override name = "RateLimitedError";
  constructor(
    readonly retryAfterSeconds: number,
    readonly reason: "queue_full" | "deadline",
  ) {
    super(
      reason === "queue_full"
        ? "Too many requests are waiting for the Profile API."
        : "The Profile API rate limit was reached.",
    );
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
  /** A slot whose Release is never called is freed after this long (a caller's bug must not wedge the space). Default 30 s. */
  maxHoldMs?: number;
  /** Added to the one-second window for clock differences between us and the upstream. Default 10 ms. */
  windowMarginMs?: number;
  now?: () => number;
};

type Waiter = {
  deadlineAt: number;
  resolve: (release: Release) => void;
  reject: (e: unknown) => void;
  cleanup: () => void;
};

export type LimiterStats = {
  granted: number;
  rejected: number;
  rateLimitedByUpstream: number;
  queued: number;
  currentRate: number;
  peakPerSecond: number;
};

export class RateLimiter {
  readonly rate: number;
  private readonly burst: number;
  private readonly maxQueue: number;
  private readonly minRate: number;
  private readonly recoveryMs: number;
  private readonly windowMs: number;
  private readonly maxHoldMs: number;
  private readonly now: () => number;
  /** Ring of the last `burst` grant times (smoothing). */
  private readonly grants: number[];
  private count = 0;
  private inFlight = 0;
  /** Release times, oldest first (monotonic: pushed at release), trimmed as they age out. */
  private readonly released = new Deque();
  /** Grant times of the last second, for the peak counter. */
  private readonly recentGrants = new Deque();
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
    this.maxHoldMs = options.maxHoldMs ?? 30_000;
    this.windowMs = 1000 + (options.windowMarginMs ?? 10);
    this.now = options.now ?? Date.now;
    this.grants = new Array<number>(this.burst).fill(-Infinity);
    this.cutRate = this.rate;
  }

  /**
   * Resolves with a Release when a request may go (call it when its answer is back); rejects
   * with RateLimitedError when no slot comes before `deadlineAt`, or with the signal's reason.
   */
  acquire(deadlineAt: number, signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.queue.length === 0 && this.nextGrantAt() <= this.now()) return Promise.resolve(this.grant());
    const eta = this.estimateGrantAt(this.queue.length + 1);
    if (this.queue.length >= this.maxQueue || eta > deadlineAt) {
      return Promise.reject(this.reject(this.queue.length >= this.maxQueue ? "queue_full" : "deadline", eta));
    }
    return new Promise<Release>((resolve, reject) => {
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

  /**
   * An upstream 429: halve the rate and pause for Retry-After. One burst of 429s (answers to
   * requests that left before the first one came back) is one cut and one pause, not many.
   */
  onRateLimited(retryAfterMs?: number): void {
    const now = this.now();
    this.counters.rateLimitedByUpstream++;
    if (now - this.cutAt < 1000) return;
    this.cutRate = Math.max(this.minRate, this.currentRate() / 2);
    this.cutAt = now;
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

  /** Earliest time the next grant may happen (Infinity: only a release can free a slot). */
  private nextGrantAt(): number {
    const now = this.now();
    const rate = this.currentRate();
    const perSecond = Math.max(1, Math.floor(rate));
    const burst = Math.max(1, Math.min(this.burst, perSecond));
    this.released.dropUntil(now - this.windowMs);
    const excess = this.inFlight + this.released.size - perSecond + 1;
    const windowFree =
      excess <= 0 ? -Infinity : excess > this.released.size ? Infinity : this.released.at(excess - 1) + this.windowMs;
    const burstFree = this.nthLatestGrant(burst) + (burst * 1000) / rate;
    return Math.max(this.pausedUntil, windowFree, burstFree);
  }

  private estimateGrantAt(position: number): number {
    const next = this.nextGrantAt();
    const start = Number.isFinite(next) ? Math.max(next, this.now()) : this.now() + 1000 / this.currentRate();
    return start + ((position - 1) * 1000) / this.currentRate();
  }

  private nthLatestGrant(k: number): number {
    return this.grants[(((this.count - k) % this.burst) + this.burst) % this.burst] ?? -Infinity;
  }

  private grant(): Release {
    const now = this.now();
    this.grants[this.count % this.burst] = now;
    this.count++;
    this.inFlight++;
    this.counters.granted++;
    this.recentGrants.push(now);
    this.recentGrants.dropUntil(now - 1000);
    this.counters.peakPerSecond = Math.max(this.counters.peakPerSecond, this.recentGrants.size);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(safety);
      this.inFlight--;
      this.released.push(this.now());
      this.schedule();
    };
    const safety = setTimeout(release, this.maxHoldMs);
    safety.unref?.();
    return release;
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    const next = this.nextGrantAt();
    if (!Number.isFinite(next)) return; // a release will call schedule() again
    const delay = Math.max(0, Math.ceil(next - this.now()));
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
      waiter.resolve(this.grant());
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

/** A FIFO of increasing timestamps with O(1) amortised trimming from the front. */
class Deque {
  private items: number[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(t: number): void {
    this.items.push(t);
  }

  at(i: number): number {
    return this.items[this.head + i] ?? Infinity;
  }

  /** Drops entries at or before `t`. */
  dropUntil(t: number): void {
    while (this.head < this.items.length && (this.items[this.head] ?? Infinity) <= t) this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
