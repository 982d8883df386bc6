// Three app instances, one simulator, one real Redis (DESIGN §9): what one instance did, the others know; together
// they keep the space's rate budget; a flooding agent does not hold up a calm one; Redis going away is not an outage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_IDS } from "@/simulator/seed-ids";
import { type Cluster, startCluster } from "./cluster";
import { profilePath } from "./harness";

const RATE = 10;
let cluster: Cluster;
let session: string;
const ada = SEED_IDS.ada.userId;

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("condition not met in time");
}

const upstreamCalls = () => cluster.sim.stats().requests.total;

beforeAll(async () => {
  cluster = await startCluster({ instances: 3, appEnv: { PROFILE_API_RATE_LIMIT: String(RATE) } });
  session = await cluster.signIn("HTTP Tester");
  // The first request of a fresh `next start` loads the route's code: done here, not inside a timed test.
  for (const i of [0, 1, 2]) await cluster.get(i, profilePath("users", ada, "traits", "limit=1"), session);
}, 600_000);
afterAll(async () => cluster?.stop());

describe("three instances on one Redis", () => {
  it("every instance reports Redis ok", async () => {
    for (const i of [0, 1, 2]) expect(await cluster.health(i)).toEqual({ status: "ok", redis: "ok" });
  });

  it("a profile fetched on one instance is served from the shared cache on the others", async () => {
    cluster.sim.resetStats();
    const first = await cluster.get(0, profilePath("users", ada, "traits", "limit=7"), session);
    expect([first.status, first.cache]).toEqual([200, "MISS"]);
    for (const i of [1, 2]) {
      const again = await cluster.get(i, profilePath("users", ada, "traits", "limit=7"), session);
      expect([again.status, again.cache]).toEqual([200, "HIT"]);
      expect(again.json).toEqual(first.json);
    }
    expect(upstreamCalls()).toBe(1);
  });

  it("60 agents opening one resource at once on three instances cost one upstream call", async () => {
    cluster.sim.resetStats();
    cluster.sim.setFaults({ latencyMs: 400 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, n) =>
          cluster.get(n % 3, profilePath("users", ada, "traits", "limit=9"), session),
        ),
      );
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(upstreamCalls()).toBe(1);
    } finally {
      cluster.sim.resetFaults();
    }
  }, 30_000);

  it("never more than PROFILE_API_RATE_LIMIT upstream requests in any second across all instances", async () => {
    cluster.sim.resetStats();
    // 5× the budget at once, all different requests (no cache or coalescing to help), spread over the instances.
    const answers = await Promise.all(
      Array.from({ length: RATE * 5 }, (_, n) =>
        cluster.get(n % 3, profilePath("users", ada, "traits", `limit=${100 + n}`), session),
      ),
    );
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(RATE * 4);
    expect(cluster.sim.stats().peakRequestsPerSecond).toBeLessThanOrEqual(RATE);
    expect(cluster.sim.stats().rateLimited).toBe(0);
  }, 30_000);

  it("an agent flooding lookups does not push another agent's wait past a second, on any instance", async () => {
    const flooder = await cluster.signIn("Script Runner");
    const flood = Array.from({ length: 60 }, (_, n) =>
      cluster.get(0, profilePath("users", ada, "traits", `limit=${20 + n}`), flooder),
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // the flood now fills the budget and the queues
    const calm = await Promise.all([
      cluster.get(0, profilePath("users", ada, "traits", "limit=3"), session),
      cluster.get(1, profilePath("users", ada, "traits", "limit=4"), session),
    ]);
    for (const answer of calm) {
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(1_000);
    }
    const flooded = await Promise.all(flood);
    // The flood itself was paced: some of it waited past its deadline (429), none of it failed otherwise.
    expect(flooded.every((a) => a.status === 200 || a.status === 429)).toBe(true);
  }, 30_000);

  it("Redis stopped mid-run: every instance keeps answering, health degraded, one warning each; restarted: shared again", async () => {
    const warningsBefore = [0, 1, 2].map((i) => cluster.logs(i, "redis_degraded").length);
    await cluster.redis.stop();
    for (const i of [0, 1, 2]) {
      const answer = await cluster.get(i, profilePath("users", ada, "traits", `limit=${40 + i}`), session);
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(2_000);
      await cluster.get(i, profilePath("users", ada, "traits", `limit=${50 + i}`), session);
      expect(await cluster.health(i)).toEqual({ status: "ok", redis: "degraded" });
      expect(cluster.logs(i, "redis_degraded")).toHaveLength(warningsBefore[i]! + 1);
    }
    await cluster.redis.start();
    await waitFor(
      async () => (await Promise.all([0, 1, 2].map((i) => cluster.health(i)))).every((h) => h.redis === "ok"),
      15_000,
    );
    cluster.sim.resetStats();
    const first = await cluster.get(2, profilePath("users", ada, "traits", "limit=11"), session);
    const second = await cluster.get(0, profilePath("users", ada, "traits", "limit=11"), session);
    expect([first.cache, second.cache]).toEqual(["MISS", "HIT"]);
    expect(upstreamCalls()).toBe(1);
    for (const i of [0, 1, 2]) expect(cluster.logs(i, "redis_degraded")).toHaveLength(warningsBefore[i]! + 1);
  }, 60_000);
});
