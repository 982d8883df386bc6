// The shared rate budget against a real redis-server: three instances' limiters together never grant more than the
// rate in any second, and a 429 seen by one slows all of them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RateLimiter } from "@/lib/profile-api/rate-limiter";
import { SharedRateLimiter } from "@/lib/profile-api/shared-rate-limiter";
import { RedisLink } from "@/lib/shared-store/redis-link";
import { startRedis, type TestRedis } from "@/tests/support/redis-server";

let redis: TestRedis;
const links: RedisLink[] = [];

function instance(spaceId: string, rate: number): SharedRateLimiter {
  const link = new RedisLink({ url: redis.url, commandTimeoutMs: 200, log: () => {} });
  links.push(link);
  return new SharedRateLimiter({ link, spaceId, rate, local: new RateLimiter({ rate }), holdMs: 5_000 });
}

/** Most grants inside any one-second window. */
function peakPerSecond(times: number[]): number {
  const sorted = [...times].sort((x, y) => x - y);
  let peak = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] ?? 0) <= (sorted[i] ?? 0) - 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

beforeAll(async () => {
  redis = await startRedis();
}, 600_000);
afterEach(() => {
  for (const link of links.splice(0)) link.close();
});
afterAll(async () => redis?.stop());

describe("shared rate budget", () => {
  it("three instances together stay within the rate in every second", async () => {
    const rate = 20;
    const limiters = [instance("space-a", rate), instance("space-a", rate), instance("space-a", rate)];
    const grants: number[] = [];
    const deadline = Date.now() + 10_000;
    // 5× the rate, spread over the three instances, each answer back after 10 ms.
    await Promise.all(
      Array.from({ length: rate * 5 }, async (_, i) => {
        const release = await limiters[i % 3]!.acquire(deadline);
        grants.push(Date.now());
        setTimeout(release, 10);
      }),
    );
    expect(grants).toHaveLength(rate * 5);
    expect(peakPerSecond(grants)).toBeLessThanOrEqual(rate);
    // ...and the budget was used: 100 grants at 20/s need about four seconds, not much more.
    expect(Math.max(...grants) - Math.min(...grants)).toBeLessThan(6_000);
  }, 20_000);

  it("a 429 seen by one instance halves the rate the others get", async () => {
    const [a, b] = [instance("space-b", 40), instance("space-b", 40)];
    await b.acquire(Date.now() + 1_000).then((release) => release());
    expect(b.currentRate()).toBe(40);
    a.onRateLimited(1_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await b.acquire(Date.now() + 1_000).then((release) => release());
    expect(b.currentRate()).toBeLessThanOrEqual(21);
  });
});
