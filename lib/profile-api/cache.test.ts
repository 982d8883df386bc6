import { describe, expect, it } from "vitest";
import { buildCacheKey, ResponseCache, ttlForResource } from "./cache";

const id = { type: "user_id", value: "u_ada" };
const key = (over: Partial<Parameters<typeof buildCacheKey>[0]> = {}) =>
  buildCacheKey({
    spaceId: "spa_1",
    collection: "users",
    identifier: id,
    resource: "traits",
    query: { limit: 10 },
    ...over,
  });

describe("buildCacheKey", () => {
  it("is canonical: query order and undefined values do not matter", () => {
    const a = buildCacheKey({
      spaceId: "s",
      collection: "users",
      identifier: id,
      resource: "traits",
      query: { limit: 10, class: "audience" },
    });
    const b = buildCacheKey({
      spaceId: "s",
      collection: "users",
      identifier: id,
      resource: "traits",
      query: { class: "audience", next: undefined, limit: 10 },
    });
    expect(a).toBe(b);
  });

  it("separates spaces, collections, identifiers, resources and queries", () => {
    const keys = new Set([
      key(),
      key({ spaceId: "spa_2" }),
      key({ collection: "accounts" }),
      key({ identifier: { type: "user_id", value: "u_bob" } }),
      key({ identifier: { type: "email", value: "u_ada" } }),
      key({ resource: "external_ids" }),
      key({ query: { limit: 11 } }),
      key({ query: { limit: 10, include: ["a", "b"] } }),
      // A value that tries to look like another key's parts still gets its own key.
      key({ identifier: { type: "user_id", value: 'u_ada","traits' } }),
    ]);
    expect(keys.size).toBe(9);
  });
});

describe("ttlForResource", () => {
  it("gives events the events TTL and everything else the traits TTL", () => {
    const ttls = { cacheTtlTraitsMs: 60_000, cacheTtlEventsMs: 10_000 };
    expect(ttlForResource("events", ttls)).toBe(10_000);
    for (const r of ["traits", "external_ids", "metadata", "links"]) expect(ttlForResource(r, ttls)).toBe(60_000);
  });
});

describe("ResponseCache", () => {
  it("returns the stored value with the upstream Request-Id until the TTL passes", () => {
    let now = 1000;
    const cache = new ResponseCache({ maxBytes: 10_000, now: () => now });
    cache.set("k", { traits: { plan: "pro" } }, { ttlMs: 500, requestId: "req-1" });
    expect(cache.get("k")).toEqual({ value: { traits: { plan: "pro" } }, requestId: "req-1" });
    now = 1499;
    expect(cache.get("k")).toBeDefined();
    now = 1500;
    expect(cache.get("k")).toBeUndefined();
    expect(cache.stats().bytes).toBe(0);
  });

  it("stays within maxBytes under many distinct keys, evicting the least recently used", () => {
    const cache = new ResponseCache({ maxBytes: 2_000 });
    cache.set("first", { v: "x".repeat(100) }, { ttlMs: 60_000 });
    for (let i = 0; i < 1_000; i++) {
      cache.get("first"); // keep it hot
      cache.set(`k${i}`, { v: "y".repeat(100 + (i % 50)) }, { ttlMs: 60_000 });
      expect(cache.stats().bytes).toBeLessThanOrEqual(2_000);
    }
    expect(cache.get("first")).toBeDefined();
    expect(cache.get("k0")).toBeUndefined();
    expect(cache.stats().evictions).toBeGreaterThan(900);
  });

  it("does not store entries larger than the budget or with a zero TTL", () => {
    const cache = new ResponseCache({ maxBytes: 100 });
    cache.set("big", { v: "z".repeat(500) }, { ttlMs: 60_000 });
    cache.set("nottl", { v: 1 }, { ttlMs: 0 });
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it("replacing an entry (a refresh refilling it) keeps the byte count exact", () => {
    const cache = new ResponseCache({ maxBytes: 10_000 });
    cache.set("k", { v: "a".repeat(50) }, { ttlMs: 1000, requestId: "old" });
    cache.set("k", { v: "b" }, { ttlMs: 1000, requestId: "new" });
    expect(cache.get("k")?.requestId).toBe("new");
    expect(cache.stats().bytes).toBe(JSON.stringify({ v: "b" }).length + 1);
  });
});
