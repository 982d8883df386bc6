import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Faults, RunningSimulator } from "@/simulator/server";
import { SEED_IDS } from "@/simulator/seed-ids";
import type { createProfileApi } from "./client";
import { ProfileApiError } from "./errors";
import { clientFor, id, rejectionOf, startSim } from "./test/harness";

/** Every fault the simulator can inject, against a real client over HTTP. */
let sim: RunningSimulator;
let api: ReturnType<typeof createProfileApi>;
const ada = id(SEED_IDS.ada.userId);

beforeAll(async () => {
  sim = await startSim();
  api = clientFor(sim);
});
afterEach(() => {
  sim.resetFaults();
  sim.resetStats();
});
afterAll(async () => {
  await api.close();
  await sim.close();
});

const attempts = () => sim.stats().requests.total;

describe("faults the client retries through", () => {
  it("two 429s in a row with Retry-After: 1 still end in the data, within the deadline", async () => {
    sim.setFaults({ rateLimitBurst: 2, retryAfterSeconds: 1 });
    const started = Date.now();
    const res = await api.traits("users", ada);
    const elapsed = Date.now() - started;
    expect(Object.keys(res.body.traits).length).toBeGreaterThan(0);
    expect(attempts()).toBe(3);
    // Retry-After was honoured (two waits of 1 s), and the whole call stayed inside the 8 s deadline.
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(elapsed).toBeLessThan(8_000);
  });

  it("a 50% error rate still ends in the data", async () => {
    // Its own simulator: the fault draws then follow only from the seed, whatever ran before.
    const flaky = await startSim({ faults: { errorRates: { "500": 0.25, "503": 0.25 } } });
    const client = clientFor(flaky);
    try {
      for (let i = 0; i < 10; i++) {
        const res = await client.metadata("users", ada);
        expect(typeof res.body.metadata.created_at).toBe("string");
      }
      const { byStatus } = flaky.stats().requests;
      expect(byStatus["200"]).toBe(10);
      expect((byStatus["500"] ?? 0) + (byStatus["503"] ?? 0)).toBeGreaterThan(0);
    } finally {
      await client.close();
      await flaky.close();
    }
  });

  it("the simulator's own per-space rate limit: a burst past it is paced by Retry-After and all calls get their data", async () => {
    const limited = await startSim({ rateLimit: 5 });
    const client = clientFor(limited);
    try {
      const started = Date.now();
      // Distinct questions, so coalescing cannot fold them into one upstream call.
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => client.links("users", ada, { limit: i + 1 })),
      );
      expect(results).toHaveLength(12);
      expect(Date.now() - started).toBeLessThan(8_000);
      expect(limited.stats().rateLimited).toBeGreaterThan(0);
      expect(limited.stats().requests.byStatus["200"]).toBe(12);
    } finally {
      await client.close();
      await limited.close();
    }
  });

  it("dropped connections are retried; always dropped → network after maxAttempts", async () => {
    sim.setFaults({ dropRate: 1 });
    const error = await rejectionOf(api.traits("users", ada));
    expect(error).toBeInstanceOf(ProfileApiError);
    expect(error).toMatchObject({ kind: "network" });
    expect(attempts()).toBe(4);
    sim.setFaults({ dropRate: 0.5 });
    const res = await api.links("users", ada);
    expect(res.body.data.length).toBeGreaterThan(0);
  });
});

describe("faults that end in a typed error", () => {
  it("5xx on every request → server_error after exactly maxAttempts attempts", async () => {
    sim.setFaults({ errorRates: { "503": 1 } });
    const error = await rejectionOf(api.events("users", ada));
    expect(error).toMatchObject({ kind: "server_error", status: 503, upstreamCode: "service_unavailable" });
    expect((error as ProfileApiError).requestId).toBeTruthy();
    expect(attempts()).toBe(4);
  });

  it("a malformed body every time → malformed after maxAttempts attempts", async () => {
    sim.setFaults({ malformedRate: 1 });
    const error = await rejectionOf(api.traits("users", ada));
    expect(error).toMatchObject({ kind: "malformed" });
    expect(attempts()).toBe(4);
  });

  it("a rejected token → unauthorized, not retried", async () => {
    sim.setFaults({ rejectAuth: true });
    const error = await rejectionOf(api.traits("users", ada));
    expect(error).toMatchObject({ kind: "unauthorized", status: 401, upstreamCode: "authentication_error" });
    expect(attempts()).toBe(1);
  });

  it("a wrong token → unauthorized, not retried, and the token appears in no error", async () => {
    const secret = "wrong-token-Zq8-secret";
    const wrong = clientFor(sim, { accessToken: secret });
    try {
      const error = await rejectionOf(wrong.traits("users", id(SEED_IDS.weird.userId)));
      expect(error).toMatchObject({ kind: "unauthorized", status: 401 });
      expect(attempts()).toBe(1);
      const seen = `${String(error)} ${(error as Error).message} ${JSON.stringify(error)}`;
      expect(seen).not.toContain(secret);
      expect(seen).not.toContain(Buffer.from(`${secret}:`).toString("base64"));
      // Nor the identifier (PII) or the upstream URL.
      expect(seen).not.toContain("we/ird");
      expect(seen).not.toContain(sim.url);
    } finally {
      await wrong.close();
    }
  });

  it("429s past the deadline → rate_limited with retryAfterSeconds, without sleeping past the deadline", async () => {
    sim.setFaults({ rateLimitBurst: 10, retryAfterSeconds: 5 });
    const short = clientFor(sim, { deadlineMs: 2_000 });
    try {
      const started = Date.now();
      const error = await rejectionOf(short.traits("users", ada));
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryAfterSeconds: 5 });
      expect(attempts()).toBe(1);
    } finally {
      await short.close();
    }
  });

  it("latency above the attempt timeout → retried, then timeout within the deadline", async () => {
    sim.setFaults({ latencyMs: 1_500 });
    const slow = clientFor(sim, { attemptTimeoutMs: 300, deadlineMs: 1_200 });
    try {
      const started = Date.now();
      const error = await rejectionOf(slow.traits("users", ada));
      const elapsed = Date.now() - started;
      expect(error).toMatchObject({ kind: "timeout" });
      expect(elapsed).toBeLessThanOrEqual(1_200 + 250);
      expect(attempts()).toBeGreaterThanOrEqual(2);
    } finally {
      await slow.close();
    }
  });

  it("the caller's abort stops the call at once, with no further attempts", async () => {
    sim.setFaults({ latencyMs: 1_000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = rejectionOf(api.traits("users", ada, {}, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const error = await pending;
    expect(Date.now() - started).toBeLessThan(600);
    expect((error as Error).name).toBe("AbortError");
    expect(attempts()).toBe(1);
  });
});

it("no error of any kind carries the token, the Authorization header, the upstream URL or the identifier", async () => {
  const token = "tok-Segment-SECRET-4f9a";
  const own = await startSim({ token });
  // A fresh client per fault: the space-wide limiter remembers a Retry-After of 30 s. Attempt timeouts are generous
  // (a loaded CI machine must not turn a 500 into a timeout) except for the latency fault, which is about timeouts.
  const clientOf = (f: Partial<Faults> = {}) =>
    clientFor(
      own,
      f.latencyMs
        ? { accessToken: token, attemptTimeoutMs: 200, deadlineMs: 600 }
        : { accessToken: token, attemptTimeoutMs: 2_000, deadlineMs: 4_000 },
    );
  let client = clientOf();
  const weird = id(SEED_IDS.weird.userId);
  const faults: Partial<Faults>[] = [
    { errorRates: { "500": 1 } },
    { errorRates: { "400": 1 } },
    { errorRates: { "403": 1 } },
    { errorRates: { "418": 1 } },
    { rejectAuth: true },
    { rateLimitBurst: 10, retryAfterSeconds: 30 },
    { dropRate: 1 },
    { malformedRate: 1 },
    { latencyMs: 1_000 },
  ];
  try {
    const kinds = new Set<string>();
    for (const f of faults) {
      own.resetFaults();
      own.setFaults(f);
      await client.close();
      client = clientOf(f);
      const error = await rejectionOf(client.traits("users", weird));
      expect(error).toBeInstanceOf(ProfileApiError);
      kinds.add((error as ProfileApiError).kind);
      const seen = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ""}`;
      for (const secret of [token, Buffer.from(`${token}:`).toString("base64"), own.url, "we/ird", "we%2Fird"]) {
        expect(seen).not.toContain(secret);
      }
    }
    own.resetFaults();
    await client.close();
    client = clientOf();
    const notFound = await rejectionOf(client.traits("users", id("email:someone@example.com")));
    kinds.add((notFound as ProfileApiError).kind);
    expect(JSON.stringify(notFound)).not.toContain("someone@example.com");
    expect([...kinds].sort()).toEqual(
      [
        "bad_request",
        "client_error",
        "malformed",
        "network",
        "not_found",
        "rate_limited",
        "server_error",
        "timeout",
        "unauthorized",
      ].sort(),
    );
  } finally {
    await client.close();
    await own.close();
  }
});
