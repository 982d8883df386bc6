/** Timestamps of the last second, oldest first; a head index avoids O(n) shifts under load. */
class SecondWindow {
  private times: number[] = [];
  private head = 0;

  size(now: number): number {
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - 1000) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  add(now: number): void {
    this.times.push(now);
  }

  oldest(): number | undefined {
    return this.times[this.head];
  }
}

/** Per-space sliding one-second window; only admitted requests count, so a client backing off gets through. */
export class SpaceRateLimiter {
  private readonly windows = new Map<string, SecondWindow>();

  constructor(
    private readonly limit: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Admits the request or returns the whole seconds to wait (Retry-After). */
  admit(space: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (this.limit <= 0) return { ok: true };
    const now = this.clock();
    let window = this.windows.get(space);
    if (!window) this.windows.set(space, (window = new SecondWindow()));
    if (window.size(now) < this.limit) {
      window.add(now);
      return { ok: true };
    }
    const waitMs = (window.oldest() ?? now) + 1000 - now;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}

/** Peak requests per second seen (sliding one-second window). */
export class PeakMeter {
  private window = new SecondWindow();
  peak = 0;

  hit(now = performance.now()): void {
    this.window.add(now);
    this.peak = Math.max(this.peak, this.window.size(now));
  }

  reset(): void {
    this.window = new SecondWindow();
    this.peak = 0;
  }
}
