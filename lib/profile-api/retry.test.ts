import { describe, expect, it } from "vitest";
import { profileApiError } from "./errors";
import type { AttemptOutcome } from "./retry";
import { backoffCeilingMs, backoffDelayMs, nextDelayMs, parseRetryAfterMs, withRetries } from "./retry";

describe("full-jitter backoff", () => {
  it("grows from ~100 ms and is capped at 2 s", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => backoffCeilingMs(n))).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
  });

  it("draws anywhere from 0 to the ceiling", () => {
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(3, () => 0.5)).toBe(200);
    expect(backoffDelayMs(3, () => 0.999999)).toBe(399);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelayMs(8);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(2000);
    }
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it.each([
    ["1", 1000],
    ["0", 0],
    ["120", 120_000],
    [" 2 ", 2000],
    ["1.5", 1500],
    ["Thu, 01 Jan 2026 00:00:03 GMT", 3000],
    ["Wed, 31 Dec 2025 23:59:00 GMT", 0],
  ])("%j → %d ms", (value, ms) => {
    expect(parseRetryAfterMs(value, now)).toBe(ms);
  });

  it.each([[undefined], [""], ["-1"], ["soon"], ["1e3"], ["12abc"]])("%j → undefined", (value) => {
    expect(parseRetryAfterMs(value, now)).toBeUndefined();
  });

  it("takes the first of repeated headers", () => {
    expect(parseRetryAfterMs(["2", "9"], now)).toBe(2000);
  });
});

describe("the retry loop", () => {
  const ok: AttemptOutcome<string> = { ok: true, value: "data", requestId: "r", size: 4 };
  const fail = (kind: Parameters<typeof profileApiError>[0], retryAfterMs?: number): AttemptOutcome<string> => ({
    ok: false,
    error: profileApiError(kind),
    retryAfterMs,
  });
  const policy = { maxAttempts: 4, attemptTimeoutMs: 1000, deadlineMs: 5000, random: () => 0 };

  it("does not retry a 404, 400 or 401", async () => {
    for (const kind of ["not_found", "bad_request", "unauthorized", "client_error"] as const) {
      let n = 0;
      await expect(withRetries(policy, () => (n++, Promise.resolve(fail(kind))))).rejects.toMatchObject({ kind });
      expect(n).toBe(1);
    }
  });

  it("retries retryable failures, then succeeds", async () => {
    const script = [fail("server_error"), fail("network"), fail("malformed"), ok];
    const result = await withRetries(policy, () => Promise.resolve(script.shift()!));
    expect(result.value).toBe("data");
  });

  it("stops at once when the Retry-After wait would pass the deadline", async () => {
    let n = 0;
    const started = Date.now();
    await expect(withRetries(policy, () => (n++, Promise.resolve(fail("rate_limited", 10_000))))).rejects.toMatchObject(
      {
        kind: "rate_limited",
      },
    );
    expect(n).toBe(1);
    expect(Date.now() - started).toBeLessThan(100);
  });
});

describe("the limiter seam in the retry loop", () => {
  const policy = { maxAttempts: 2, attemptTimeoutMs: 1000, deadlineMs: 5000 };
  it("a refused slot is a typed rate_limited error carrying the limiter's wait", async () => {
    class Refused extends Error {
      readonly retryAfterSeconds = 1.2;
    }
    const limiter = { acquire: () => Promise.reject(new Refused("no slot")), onRateLimited: () => undefined };
    let attempts = 0;
    const run = withRetries({ ...policy, limiter }, () => {
      attempts++;
      return Promise.resolve({ ok: true as const, value: 1, requestId: undefined, size: 1 });
    });
    await expect(run).rejects.toMatchObject({ name: "ProfileApiError", kind: "rate_limited", retryAfterSeconds: 2 });
    expect(attempts).toBe(0);
  });
});

describe("the wait before the next attempt", () => {
  it("is Retry-After plus at most 100 ms of jitter when the server gave one, else the backoff", () => {
    expect(nextDelayMs(1, 1000, () => 0)).toBe(1000);
    expect(nextDelayMs(1, 1000, () => 0.99)).toBe(1099);
    expect(nextDelayMs(4, undefined, () => 0.5)).toBe(400);
  });
});
