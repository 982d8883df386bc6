// The shared store against a real redis-server, with one store per "instance" (each its own connection), as three app
// processes would have: single use, revocation, and Redis going away and coming back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mintHandoffCode, redeemHandoffCode } from "@/lib/auth/handoff-code";
import { RedisLink } from "@/lib/shared-store/redis-link";
import { SharedStore } from "@/lib/shared-store/shared-store";
import { startRedis, type TestRedis } from "@/tests/support/redis-server";

let redis: TestRedis;
const links: RedisLink[] = [];
const logs: Array<{ level: string; msg: string }> = [];

function instance(): SharedStore {
  const link = new RedisLink({
    url: redis.url,
    commandTimeoutMs: 100,
    probeIntervalMs: 100,
    log: (level, msg) => logs.push({ level, msg }),
  });
  links.push(link);
  return new SharedStore(link);
}

async function waitFor(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("condition not met in time");
}

beforeAll(async () => {
  redis = await startRedis();
}, 600_000);
afterEach(() => {
  for (const link of links.splice(0)) link.close();
  logs.length = 0;
});
afterAll(async () => redis?.stop());

describe("shared store on one Redis, three instances", () => {
  it("marks a key once across instances", async () => {
    const [a, b, c] = [instance(), instance(), instance()];
    await waitFor(async () => (await a.health()) === "ok");
    expect(await a.markOnce("k1", 5_000)).toBe(true);
    expect(await b.markOnce("k1", 5_000)).toBe(false);
    expect(await c.markOnce("k1", 5_000)).toBe(false);
    expect(await b.markOnce("k2", 5_000)).toBe(true);
  });

  it("a hand-off code redeemed on one instance is refused on the others", async () => {
    const [a, b] = [instance(), instance()];
    const secret = "s".repeat(40);
    const agent = { name: "Zoe", email: "zoe@acme.test", source: "zendesk" as const, role: "agent" as const };
    const code = await mintHandoffCode(agent, "zendesk", secret);
    expect(await redeemHandoffCode(code, "zendesk", secret, a)).toEqual(agent);
    expect(await redeemHandoffCode(code, "zendesk", secret, b)).toBeNull();
  });

  it("a revocation on one instance holds on every other, until it expires", async () => {
    const [a, b, c] = [instance(), instance(), instance()];
    expect(await b.isRevoked("token-1")).toBe(false);
    await a.revoke("token-1", Date.now() + 300);
    expect(await b.isRevoked("token-1")).toBe(true);
    expect(await c.isRevoked("token-1")).toBe(true);
    await waitFor(async () => !(await c.isRevoked("token-1")));
  });

  it("Redis stopped: answers from memory within the timeout, one warning; restarted: shared again", async () => {
    const [a, b] = [instance(), instance()];
    await waitFor(async () => (await a.health()) === "ok" && (await b.health()) === "ok");
    await redis.stop();
    const started = Date.now();
    expect(await a.markOnce("during-outage", 5_000)).toBe(true);
    expect(await a.markOnce("during-outage", 5_000)).toBe(false); // this instance still remembers
    for (let i = 0; i < 20; i++) await a.isRevoked(`x${i}`);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await a.health()).toBe("degraded");
    expect(await b.health()).toBe("degraded"); // b learns of the outage by its own call, whenever that comes
    expect(logs.filter((l) => l.msg === "redis_degraded").length).toBe(2); // one per instance, not one per call
    await redis.start();
    await waitFor(async () => (await a.health()) === "ok" && (await b.health()) === "ok", 10_000);
    expect(logs.filter((l) => l.msg === "redis_recovered").length).toBe(2);
    expect(await a.markOnce("after", 5_000)).toBe(true);
    expect(await b.markOnce("after", 5_000)).toBe(false);
  });
});
