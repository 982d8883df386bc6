import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { SIM_DEFAULTS } from "@/simulator/seed-ids";
import { PerformanceLayer } from "./cached-call";
import { RateLimitedError } from "./rate-limiter";

// The limiter and the performance layer against the real simulator over HTTP (its own
// counters are the referee). The client's funnel wiring is tested in client-performance tests.

let sim: RunningSimulator;
const auth = `Basic ${Buffer.from(`${SIM_DEFAULTS.token}:`).toString("base64")}`;
const url = (id: string) => `${sim.url}/v1/spaces/${SIM_DEFAULTS.spaceId}/collections/users/profiles/${id}/metadata`;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rateLimit: 20, faults: { latencyMs: 5 } });
});
afterAll(async () => {
  await sim.close();
});

describe("space-wide limiter against the simulator", () => {
  it("keeps the upstream at or under the rate: no 429 from the simulator, its peak ≤ limit", async () => {
    sim.resetStats();
    const layer = new PerformanceLayer({
      cacheTtlTraitsMs: 0,
      cacheTtlEventsMs: 0,
      cacheMaxBytes: 0,
      rateLimitPerSecond: 20,
    });
    const limiter = layer.limiterFor(SIM_DEFAULTS.spaceId);
    const deadline = Date.now() + 10_000;
    const statuses = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const release = await limiter.acquire(deadline);
        try {
          const res = await fetch(url("user_id:u_ada"), { headers: { authorization: auth } });
          await res.arrayBuffer();
          return res.status;
        } finally {
          release();
        }
      }),
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const stats = sim.stats();
    expect(stats.rateLimited).toBe(0);
    expect(stats.peakRequestsPerSecond).toBeLessThanOrEqual(20);
    expect(limiter.stats().peakPerSecond).toBeLessThanOrEqual(20);
  });

  it("requests that cannot get a slot before their deadline fail as rate limited, with Retry-After", async () => {
    const layer = new PerformanceLayer({
      cacheTtlTraitsMs: 0,
      cacheTtlEventsMs: 0,
      cacheMaxBytes: 0,
      rateLimitPerSecond: 20,
    });
    const limiter = layer.limiterFor(SIM_DEFAULTS.spaceId);
    const deadline = Date.now() + 500;
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, () => limiter.acquire(deadline)));
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(failed.length).toBeGreaterThanOrEqual(20);
    expect(failed.every((o) => o.reason instanceof RateLimitedError && o.reason.retryAfterSeconds >= 1)).toBe(true);
  });
});

describe("coalescing and cache against the simulator", () => {
  it("50 concurrent identical opens → 1 upstream call; re-open within TTL → 0; refresh → 1", async () => {
    const layer = new PerformanceLayer({
      cacheTtlTraitsMs: 60_000,
      cacheTtlEventsMs: 10_000,
      cacheMaxBytes: 1_000_000,
      rateLimitPerSecond: 1000,
    });
    const parts = {
      spaceId: SIM_DEFAULTS.spaceId,
      collection: "users",
      identifier: { type: "user_id", value: "u_quiet" },
      resource: "metadata",
    };
    const call = async () => {
      const res = await fetch(url("user_id:u_quiet"), { headers: { authorization: auth } });
      const text = await res.text();
      return {
        value: JSON.parse(text) as unknown,
        requestId: res.headers.get("request-id") ?? undefined,
        size: text.length,
      };
    };
    const count = () => sim.stats().requests.total;
    const start = count();
    const opened = await Promise.all(Array.from({ length: 50 }, () => layer.run(parts, {}, call)));
    expect(count() - start).toBe(1);
    expect(new Set(opened.map((o) => o.requestId)).size).toBe(1);
    const reopened = await layer.run(parts, {}, call);
    expect(count() - start).toBe(1);
    expect(reopened).toMatchObject({ cache: "HIT", requestId: opened[0]?.requestId });
    const refreshed = await layer.run(parts, { refresh: true }, call);
    expect(count() - start).toBe(2);
    expect(refreshed.cache).toBe("BYPASS");
    expect(refreshed.requestId).not.toBe(opened[0]?.requestId);
  });
});
