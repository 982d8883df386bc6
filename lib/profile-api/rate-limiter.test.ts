import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimitedError, RateLimiter } from "./rate-limiter";

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Grants per sliding one-second window, from a list of grant times. */
function peakPerSecond(times: number[]): number {
  let peak = 0;
  for (const t of times) peak = Math.max(peak, times.filter((u) => u >= t && u < t + 1000).length);
  return peak;
}

describe("RateLimiter", () => {
  it("never grants more than the rate in any one-second window, in FIFO order", async () => {
    const limiter = new RateLimiter({ rate: 20 });
    const times: number[] = [];
    const order: number[] = [];
    const deadline = Date.now() + 10_000;
    const all = Array.from({ length: 100 }, (_, i) =>
      limiter.acquire(deadline).then((release) => (times.push(Date.now()), order.push(i), release())),
    );
    await vi.advanceTimersByTimeAsync(6_000);
    await Promise.all(all);
    expect(times).toHaveLength(100);
    expect(peakPerSecond(times)).toBeLessThanOrEqual(20);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(limiter.stats().peakPerSecond).toBeLessThanOrEqual(20);
  });

  it("fails a request that cannot be served before its deadline with a Retry-After", async () => {
    const limiter = new RateLimiter({ rate: 10 });
    const deadline = Date.now() + 1_000;
    const pending = Promise.allSettled(Array.from({ length: 30 }, () => limiter.acquire(deadline)));
    await vi.advanceTimersByTimeAsync(2_000);
    const results = await pending;
    // The ones that were served were served in time; the rest failed fast or at the deadline.
    expect(results.filter((r) => r.status === "fulfilled").length).toBeLessThanOrEqual(11);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected.length).toBeGreaterThan(0);
    const reason = (rejected[0] as PromiseRejectedResult).reason as RateLimitedError;
    expect(reason).toBeInstanceOf(RateLimitedError);
    expect(reason.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it("rejects at once when the queue is full", async () => {
    const limiter = new RateLimiter({ rate: 5, maxQueue: 3 });
    const deadline = Date.now() + 60_000;
    const results = Array.from({ length: 12 }, () =>
      limiter.acquire(deadline).then(
        (release) => (release(), "ok"),
        (e: unknown) => e,
      ),
    );
    await vi.advanceTimersByTimeAsync(0);
    const settled = await Promise.race([
      Promise.all(results.slice(8)),
      new Promise((r) => setTimeout(r, 1, "pending")),
    ]);
    expect(settled).not.toBe("pending");
    expect((await results[11]) as RateLimitedError).toMatchObject({ reason: "queue_full" });
    await vi.advanceTimersByTimeAsync(5_000);
  });

  it("an upstream 429 halves the rate and pauses for Retry-After, then recovers gradually", async () => {
    const limiter = new RateLimiter({ rate: 100, recoverySeconds: 10 });
    (await limiter.acquire(Date.now() + 1000))();
    limiter.onRateLimited(2_000);
    limiter.onRateLimited(2_000); // the same burst: not a second cut
    expect(limiter.currentRate()).toBe(50);
    let granted = false;
    void limiter.acquire(Date.now() + 10_000).then(() => (granted = true));
    await vi.advanceTimersByTimeAsync(1_900);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(granted).toBe(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(limiter.currentRate()).toBeGreaterThan(50);
    expect(limiter.currentRate()).toBeLessThan(100);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(limiter.currentRate()).toBe(100);
  });

  it("counts a request until its answer is back: no new slot while `rate` are in flight", async () => {
    const limiter = new RateLimiter({ rate: 2, burst: 2 });
    const first = await limiter.acquire(Date.now() + 10_000);
    await limiter.acquire(Date.now() + 10_000);
    let third = false;
    void limiter.acquire(Date.now() + 10_000).then(() => (third = true));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(third).toBe(false); // both still in flight after 3 s
    first();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(third).toBe(false); // released, but still inside the one-second window
    await vi.advanceTimersByTimeAsync(100);
    expect(third).toBe(true);
  });

  it("a waiter whose signal aborts leaves the queue without taking a slot", async () => {
    const limiter = new RateLimiter({ rate: 1, burst: 1 });
    await limiter.acquire(Date.now() + 1000);
    const controller = new AbortController();
    const waiting = limiter.acquire(Date.now() + 5000, controller.signal);
    controller.abort(new Error("gone"));
    await expect(waiting).rejects.toThrow("gone");
    expect(limiter.stats().queued).toBe(0);
  });
});
