import http from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SEED_IDS } from "../seed-ids";
import { AUTH, enc, users, withSimulator, type ErrorAnswer } from "./harness";

// A low limit so the per-space rate limit is reachable in a test.
const { sim, get } = withSimulator({ rateLimit: 5 });
const path = users(enc(SEED_IDS.ada.userId), "metadata");

/** One GET through node:http so the test controls connection reuse. */
function request(agent: http.Agent | false): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${sim().url}${path}`,
      { agent, headers: { authorization: AUTH, ...(agent ? {} : { connection: "close" }) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
  });
}

/**
 * The simulator's rate-limit window and peak meter read `performance.now()`: only that clock is faked (timers, sockets
 * and fetch stay real), so a test moves past a window in an instant instead of sleeping through it.
 */
const WINDOW_MS = 1_000;
// Installed once for the file: a fake clock installed again would start over, behind the times the window holds.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ["performance"] });
});
afterAll(() => {
  vi.useRealTimers();
});
beforeEach(() => {
  vi.advanceTimersByTime(WINDOW_MS + 1); // whatever an earlier test admitted has left the window
  sim().resetStats();
});

describe("rate limit (per space, sliding one-second window)", () => {
  it("answers 429 rate_limit_error with Retry-After beyond the limit, and counts them", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => get(path)));
    const limited = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    expect(limited).toHaveLength(3);
    expect((limited[0]?.body as ErrorAnswer).error.code).toBe("rate_limit_error");
    expect(Number(limited[0]?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(sim().stats().rateLimited).toBe(3);
  });

  it("admits requests again after Retry-After", async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => get(path)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 429]);
    const retryAfter = Number(answers.find((a) => a.status === 429)?.headers.get("retry-after"));
    expect(retryAfter).toBe(1);
    vi.advanceTimersByTime(retryAfter * 1000 - 10);
    expect((await get(path)).status, "still inside the window").toBe(429);
    vi.advanceTimersByTime(10);
    expect((await get(path)).status, "after Retry-After").toBe(200);
  });
});

describe("counters", () => {
  it("count requests per route and per status; admin calls are not counted", async () => {
    await get(users(enc(SEED_IDS.ada.userId), "traits"));
    await get(users(enc(SEED_IDS.ada.userId), "events"));
    await get(users("user_id:nobody", "traits"));
    await fetch(`${sim().url}/__admin/health`);
    const stats = sim().stats();
    expect(stats.requests.total).toBe(3);
    expect(stats.requests.byRoute).toEqual({ traits: 2, events: 1 });
    expect(stats.requests.byStatus).toEqual({ "200": 2, "404": 1 });
    expect(stats.peakRequestsPerSecond).toBeGreaterThanOrEqual(1);
  });

  it("keep-alive reuses one connection; without it each request opens one", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < 4; i++) expect(await request(agent)).toBe(200);
    expect(sim().stats().connections.opened).toBe(1);
    expect(sim().stats().connections.open).toBeGreaterThanOrEqual(1);
    const openBefore = sim().stats().connections.open;
    agent.destroy();
    // The server sees the agent's socket close; then the counters start over in a fresh rate-limit window.
    await vi.waitFor(() => expect(sim().stats().connections.open).toBe(openBefore - 1), {
      timeout: 5_000,
      interval: 10,
    });
    vi.advanceTimersByTime(WINDOW_MS + 1);
    sim().resetStats();
    for (let i = 0; i < 4; i++) expect(await request(false)).toBe(200);
    expect(sim().stats().connections.opened).toBe(4);
  });
});

describe("admin endpoints", () => {
  const admin = (p: string, init?: RequestInit) => fetch(`${sim().url}/__admin${p}`, init);

  it("GET /__admin/health → {status: ok} without auth", async () => {
    expect(await (await admin("/health")).json()).toEqual({ status: "ok" });
  });

  it("PUT /__admin/faults merges, GET shows them, reset clears them", async () => {
    await admin("/faults", { method: "PUT", body: JSON.stringify({ latencyMs: 5, errorRates: { "500": 0.1 } }) });
    const merged = (await (
      await admin("/faults", { method: "PUT", body: JSON.stringify({ errorRates: { "503": 0.2 } }) })
    ).json()) as { latencyMs: number; errorRates: object };
    expect(merged).toMatchObject({ latencyMs: 5, errorRates: { "500": 0.1, "503": 0.2 } });
    expect(await (await admin("/faults")).json()).toEqual(merged);
    const reset = (await (await admin("/faults/reset", { method: "POST" })).json()) as {
      latencyMs: number;
      errorRates: object;
    };
    expect(reset).toMatchObject({ latencyMs: 0, errorRates: {}, rejectAuth: false, retryAfterSeconds: 1 });
  });

  it.each([
    ["not JSON", "{"],
    ["an unknown key", JSON.stringify({ latency: 5 })],
    ["a negative latency", JSON.stringify({ latencyMs: -1 })],
    ["a rate above 1", JSON.stringify({ dropRate: 2 })],
    ["a non-status key", JSON.stringify({ errorRates: { abc: 0.1 } })],
    ["rates adding up to more than 1", JSON.stringify({ errorRates: { "500": 0.7, "503": 0.7 } })],
  ])("PUT /__admin/faults with %s → 400", async (_name, body) => {
    const res = await admin("/faults", { method: "PUT", body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorAnswer).error.code).toBe("invalid_request_error");
  });

  it("GET /__admin/stats and POST /__admin/stats/reset", async () => {
    await get(path);
    expect(((await (await admin("/stats")).json()) as { requests: { total: number } }).requests.total).toBe(1);
    const reset = (await (await admin("/stats/reset", { method: "POST" })).json()) as { requests: { total: number } };
    expect(reset.requests.total).toBe(0);
  });
});
