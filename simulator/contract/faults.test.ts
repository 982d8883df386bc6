import { afterEach, describe, expect, it } from "vitest";
import { SEED_IDS } from "../seed-ids";
import { AUTH, enc, users, withSimulator, type ErrorAnswer } from "./harness";

const { sim, get } = withSimulator();
const path = users(enc(SEED_IDS.ada.userId), "traits");

afterEach(() => sim().resetFaults());

describe("fault injection", () => {
  it("latency: a fixed delay is added to each request", async () => {
    sim().setFaults({ latencyMs: 200 });
    const started = performance.now();
    expect((await get(path)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("latency jitter stays within latency + jitter", async () => {
    sim().setFaults({ latencyMs: 50, latencyJitterMs: 100 });
    const started = performance.now();
    await get(path);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(45);
    expect(took).toBeLessThan(2_000);
  });

  it.each([500, 502, 503, 504])(
    "error rate %i at 1.0: every request gets that status and an error body",
    async (status) => {
      sim().setFaults({ errorRates: { [status]: 1 } });
      for (let i = 0; i < 3; i++) {
        const res = await get(path);
        expect(res.status).toBe(status);
        expect(typeof (res.body as ErrorAnswer).error.code).toBe("string");
        expect(res.headers.get("request-id")).toBeTruthy();
      }
    },
  );

  it("error rates split requests between statuses and success", async () => {
    sim().setFaults({ errorRates: { "500": 0.5 } });
    const statuses = await Promise.all(Array.from({ length: 40 }, () => get(path).then((r) => r.status)));
    expect(statuses).toContain(500);
    expect(statuses).toContain(200);
  });

  it("a 429 burst answers exactly the next N requests with rate_limit_error and Retry-After", async () => {
    sim().setFaults({ rateLimitBurst: 3, retryAfterSeconds: 2 });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await get(path));
    expect(answers.map((a) => a.status)).toEqual([429, 429, 429, 200]);
    expect((answers[0]?.body as ErrorAnswer).error.code).toBe("rate_limit_error");
    expect(answers[0]?.headers.get("retry-after")).toBe("2");
  });

  it("a dropped connection fails the request with a socket error", async () => {
    sim().setFaults({ dropRate: 1 });
    await expect(fetch(`${sim().url}${path}`, { headers: { authorization: AUTH } })).rejects.toThrow();
  });

  it("a malformed body is 200 JSON that does not parse", async () => {
    sim().setFaults({ malformedRate: 1 });
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(() => JSON.parse(res.text) as unknown).toThrow();
  });

  it("rejectAuth answers 401 authentication_error even to the right token", async () => {
    sim().setFaults({ rejectAuth: true });
    const res = await get(path);
    expect(res.status).toBe(401);
    expect((res.body as ErrorAnswer).error.code).toBe("authentication_error");
  });

  it("resetFaults restores normal answers", async () => {
    sim().setFaults({ errorRates: { "503": 1 }, rejectAuth: true });
    sim().resetFaults();
    expect((await get(path)).status).toBe(200);
  });

  it("faults given at start apply from the first request", async () => {
    const { startSimulator } = await import("../server");
    const other = await startSimulator({ port: 0, faults: { errorRates: { "502": 1 } } });
    try {
      expect((await fetch(`${other.url}${path}`, { headers: { authorization: AUTH } })).status).toBe(502);
    } finally {
      await other.close();
    }
  });
});
