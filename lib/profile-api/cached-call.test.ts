import { afterEach, describe, expect, it, vi } from "vitest";
import { PerformanceLayer } from "./cached-call";

const settings = {
  cacheTtlTraitsMs: 60_000,
  cacheTtlEventsMs: 10_000,
  cacheMaxBytes: 1_000_000,
  rateLimitPerSecond: 100,
};
const parts = (spaceId = "spa_1") => ({
  spaceId,
  collection: "users",
  identifier: { type: "user_id", value: "u_ada" },
  resource: "traits",
  query: { limit: 10 },
});

afterEach(() => vi.useRealTimers());

describe("PerformanceLayer.run", () => {
  it("MISS fills the cache; a re-open is a HIT carrying the Request-Id that filled it; refresh BYPASSes and refills", async () => {
    const layer = new PerformanceLayer(settings);
    let n = 0;
    const call = () => Promise.resolve({ value: { traits: { n: ++n } }, requestId: `req-${n}` });
    expect(await layer.run(parts(), {}, call)).toEqual({
      value: { traits: { n: 1 } },
      requestId: "req-1",
      cache: "MISS",
    });
    expect(await layer.run(parts(), {}, call)).toEqual({
      value: { traits: { n: 1 } },
      requestId: "req-1",
      cache: "HIT",
    });
    expect(await layer.run(parts(), { refresh: true }, call)).toEqual({
      value: { traits: { n: 2 } },
      requestId: "req-2",
      cache: "BYPASS",
    });
    expect(await layer.run(parts(), {}, call)).toMatchObject({ value: { traits: { n: 2 } }, cache: "HIT" });
    expect(n).toBe(2);
  });

  it("keeps an answer for the caller's TTL when it names one (the live timeline's poll: one polling interval)", async () => {
    vi.useFakeTimers();
    const layer = new PerformanceLayer(settings);
    const events = { ...parts(), resource: "events" };
    let n = 0;
    const call = () => Promise.resolve({ value: { n: ++n } });
    await layer.run(events, { ttlMs: 20_000 }, call);
    vi.advanceTimersByTime(15_000); // past the events TTL (10 s), inside the poll's own
    expect(await layer.run(events, { ttlMs: 20_000 }, call)).toMatchObject({ value: { n: 1 }, cache: "HIT" });
    vi.advanceTimersByTime(5_000);
    expect(await layer.run(events, { ttlMs: 20_000 }, call)).toMatchObject({ value: { n: 2 }, cache: "MISS" });
  });

  it("never serves one space's entry to another space", async () => {
    const layer = new PerformanceLayer(settings);
    await layer.run(parts("spa_1"), {}, () => Promise.resolve({ value: "one" }));
    const other = await layer.run(parts("spa_2"), {}, () => Promise.resolve({ value: "two" }));
    expect(other).toMatchObject({ value: "two", cache: "MISS" });
  });

  it("does not cache errors: the next call goes upstream again", async () => {
    const layer = new PerformanceLayer(settings);
    await expect(layer.run(parts(), {}, () => Promise.reject(new Error("upstream down")))).rejects.toThrow(
      "upstream down",
    );
    await expect(layer.run(parts(), {}, () => Promise.resolve({ value: "ok" }))).resolves.toMatchObject({
      cache: "MISS",
    });
    expect(layer.cache.stats().entries).toBe(1);
  });

  it("gives one limiter per space", () => {
    const layer = new PerformanceLayer(settings);
    expect(layer.limiterFor("a")).toBe(layer.limiterFor("a"));
    expect(layer.limiterFor("a")).not.toBe(layer.limiterFor("b"));
    expect(layer.limiterFor("a").rate).toBe(100);
  });
});
