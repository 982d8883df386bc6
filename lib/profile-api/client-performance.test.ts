import { parseConfig } from "@/lib/config";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { SEED_IDS, SIM_DEFAULTS } from "@/simulator/seed-ids";
import { createProfileApi, type ProfileApiSettings } from "./client";
import { ProfileApiError } from "./errors";
import { parseIdentifier, type ProfileIdentifier } from "@/lib/core/identifiers";

// The client with its performance layer (cache → coalescing → retries with the space limiter),
// against the real simulator; the simulator's own counters are the referee. Behaviour, not timings.

let sim: RunningSimulator;
const apis: Array<{ close(): Promise<void> }> = [];
const id = (raw: string): ProfileIdentifier => {
  const parsed = parseIdentifier(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.identifier;
};
const ada = id(SEED_IDS.ada.userId);

function api(overrides: Partial<ProfileApiSettings> = {}) {
  const client = createProfileApi({
    baseUrl: sim.url,
    spaceId: SIM_DEFAULTS.spaceId,
    accessToken: SIM_DEFAULTS.token,
    maxAttempts: 4,
    attemptTimeoutMs: 1_000,
    deadlineMs: 8_000,
    poolConnections: 8,
    rateLimitPerSecond: 1_000,
    cacheTtlTraitsMs: 60_000,
    cacheTtlEventsMs: 10_000,
    cacheMaxBytes: 1_000_000,
    ...overrides,
  });
  apis.push(client);
  return client;
}

/** Runs `n` calls with at most `width` at a time (bounded, like a room of agents). */
async function runBounded<T>(
  n: number,
  width: number,
  call: (i: number) => Promise<T>,
): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      results[i] = await call(i).then(
        (value) => ({ status: "fulfilled", value }) as const,
        (reason: unknown) => ({ status: "rejected", reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rateLimit: 0 });
});
afterEach(async () => {
  await Promise.all(apis.splice(0).map((a) => a.close()));
  sim.resetFaults();
  sim.resetStats();
});
afterAll(async () => {
  await sim.close();
});

describe("cache and coalescing through the client", () => {
  it("50 concurrent identical opens → 1 upstream call; re-open within TTL → 0 (HIT, same Request-Id); refresh → 1", async () => {
    const client = api();
    sim.setFaults({ latencyMs: 30 });
    const opens = await Promise.all(Array.from({ length: 50 }, () => client.traits("users", ada, { limit: 10 })));
    expect(sim.stats().requests.total).toBe(1);
    expect(new Set(opens.map((o) => o.requestId)).size).toBe(1);
    const reopen = await client.traits("users", ada, { limit: 10 });
    expect(sim.stats().requests.total).toBe(1);
    expect(reopen).toMatchObject({ cache: "HIT", requestId: opens[0]?.requestId, body: opens[0]?.body });
    const refreshed = await client.traits("users", ada, { limit: 10 }, { refresh: true });
    expect(sim.stats().requests.total).toBe(2);
    expect(refreshed.cache).toBe("BYPASS");
  });

  it("a different query, collection or resource is a different entry; errors are not cached", async () => {
    const client = api();
    await client.traits("users", ada, { limit: 10 });
    await client.traits("users", ada, { limit: 11 });
    await client.externalIds("users", ada, { limit: 10 });
    expect(sim.stats().requests.total).toBe(3);
    const missing = id("user_id:does-not-exist");
    await expect(client.metadata("users", missing)).rejects.toMatchObject({ kind: "not_found" });
    await expect(client.metadata("users", missing)).rejects.toMatchObject({ kind: "not_found" });
    expect(sim.stats().requests.total).toBe(5);
  });

  it("memory stays bounded: the cache never holds more than cacheMaxBytes under many distinct keys", async () => {
    const client = api({ cacheMaxBytes: 8_000 });
    for (let limit = 1; limit <= 60; limit++) {
      await client.traits("users", ada, { limit });
      expect(client.performanceStats().cache.bytes).toBeLessThanOrEqual(8_000);
    }
    expect(client.performanceStats().cache.evictions).toBeGreaterThan(0);
  });
});

describe("fault behaviour against the simulator's fault injection", () => {
  it("with 20% 5xx and 10% 429 bursts, ≤ 1% of 300 agent calls fail, none past the deadline", async () => {
    // The shipped retry budget (PROFILE_API_MAX_ATTEMPTS' default), not a tuned one: this is what agents get.
    const shipped = parseConfig({
      SEGMENT_SPACE_ID: "spa_1",
      SEGMENT_ACCESS_TOKEN: "tok",
      AUTH_SECRET: "x".repeat(32),
      DEMO_PASSWORD: "d",
    });
    const client = api({
      maxAttempts: shipped.PROFILE_API_MAX_ATTEMPTS,
      deadlineMs: shipped.PROFILE_API_DEADLINE_MS,
      rateLimitPerSecond: 200,
    });
    sim.setFaults({ errorRates: { "500": 0.1, "503": 0.1 }, retryAfterSeconds: 1 });
    const deadlineMs = 8_000;
    const results = await runBounded(300, 20, async (i) => {
      // Every 50 calls a burst of 429s hits the next 5 upstream requests: 10% of the calls.
      if (i % 50 === 0) sim.setFaults({ rateLimitBurst: 5 });
      const started = Date.now();
      try {
        return await client.metadata("users", ada, {}, { refresh: true });
      } finally {
        expect(Date.now() - started).toBeLessThanOrEqual(deadlineMs + 500);
      }
    });
    const failed = results.filter((r) => r.status === "rejected");
    expect(failed.length).toBeLessThanOrEqual(3);
    expect(sim.stats().rateLimited).toBeGreaterThan(0);
  }, 60_000);

  it("latency spikes: the deadline holds (elapsed ≤ deadline + slack) and ends in a timeout error", async () => {
    const client = api({ attemptTimeoutMs: 300, deadlineMs: 1_000 });
    sim.setFaults({ latencyMs: 2_000 });
    const started = Date.now();
    const error = await client.traits("users", ada, {}, { refresh: true }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThanOrEqual(1_000 + 300);
    expect(error).toBeInstanceOf(ProfileApiError);
    expect(error).toMatchObject({ kind: "timeout" });
  });

  it("dropped connections and malformed bodies become mapped errors, never a crash", async () => {
    const client = api({ maxAttempts: 2 });
    sim.setFaults({ dropRate: 1 });
    await expect(client.metadata("users", ada, {}, { refresh: true })).rejects.toMatchObject({ kind: "network" });
    sim.resetFaults();
    sim.setFaults({ malformedRate: 1 });
    await expect(client.externalIds("users", ada, {}, { refresh: true })).rejects.toMatchObject({ kind: "malformed" });
  });

  it("the limiter holds the upstream at its rate: simulator peak ≤ limit, no upstream 429, all answered", async () => {
    const client = api({ rateLimitPerSecond: 20 });
    sim.setFaults({ latencyMs: 5 });
    const results = await runBounded(40, 40, () => client.metadata("users", ada, {}, { refresh: true }));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(sim.stats().peakRequestsPerSecond).toBeLessThanOrEqual(20);
    expect(client.performanceStats().limiter.peakPerSecond).toBeLessThanOrEqual(20);
  });

  it("calls that cannot get a slot before the deadline fail as rate_limited with retryAfterSeconds", async () => {
    const client = api({ rateLimitPerSecond: 5, deadlineMs: 1_000 });
    const results = await runBounded(20, 20, () => client.metadata("users", ada, {}, { refresh: true }));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed)
      expect(f.reason).toMatchObject({ kind: "rate_limited", retryAfterSeconds: expect.any(Number) as number });
  });

  it("pooled connections: 50 concurrent calls open at most poolConnections upstream connections", async () => {
    const client = api({ poolConnections: 8 });
    sim.setFaults({ latencyMs: 20 });
    await Promise.all(Array.from({ length: 50 }, (_, i) => client.traits("users", ada, { limit: i + 1 })));
    expect(sim.stats().connections.opened).toBeLessThanOrEqual(8);
  });
});
