// Upstream failures over real HTTP: the simulator's fault injection behind the built app. The agent gets the data or a
// clear mapped error (DESIGN §4), never a 500 and never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProfileSummary } from "@/lib/core/api-types";
import { SEED_IDS } from "@/simulator/seed-ids";
import { profilePath, type Stack, startStack } from "./harness";
import { assertNothingLeaked } from "./leak-check";

let stack: Stack;
const traits = profilePath("users", SEED_IDS.ada.userId, "traits");
const summary = profilePath("users", SEED_IDS.ada.userId);
// Every call must reach the simulator, whatever the server cache holds.
const fresh = { headers: { "Cache-Control": "no-cache" } };

beforeAll(async () => {
  stack = await startStack({ appEnv: { PROFILE_API_ATTEMPT_TIMEOUT_MS: "1000", PROFILE_API_DEADLINE_MS: "4000" } });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

type ErrorJson = { error: { code: string; message: string; request_id?: string } };

async function expectError(path: string, status: number, code: string) {
  const res = await stack.get(path, fresh);
  expect(res.status).toBe(status);
  const body = res.json as ErrorJson;
  expect(body.error.code).toBe(code);
  expect(body.error.request_id).toBeTruthy();
  expect(res.headers.get("x-request-id")).toBe(body.error.request_id);
  expect(res.text).not.toMatch(/\bat .*\(|node_modules|\.ts:\d+/);
  return res;
}

describe("upstream faults", () => {
  it("tells the operator to check the token when the Profile API rejects it (502 upstream_authentication_error)", async () => {
    stack.setFaults({ rejectAuth: true });
    const res = await expectError(traits, 502, "upstream_authentication_error");
    expect((res.json as ErrorJson).error.message).toContain("SEGMENT_ACCESS_TOKEN");
    await expectError(summary, 502, "upstream_authentication_error");
  });

  it("retries through two 429s with Retry-After: 1 and still answers the data", async () => {
    stack.setFaults({ rateLimitBurst: 2, retryAfterSeconds: 1 });
    const res = await stack.get(traits, fresh);
    expect(res.status).toBe(200);
  });

  it("answers 429 rate_limit_error with Retry-After when the limit outlasts the deadline", async () => {
    stack.setFaults({ rateLimitBurst: 1000, retryAfterSeconds: 1 });
    const res = await expectError(traits, 429, "rate_limit_error");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it.each([["500"], ["503"]])("maps a persistent %s to 502 upstream_error", async (status) => {
    stack.setFaults({ errorRates: { [status]: 1 } });
    await expectError(traits, 502, "upstream_error");
  });

  it("answers data or a mapped error, never a 500, when half the upstream calls fail", async () => {
    stack.setFaults({ errorRates: { "500": 0.5 } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const res = await stack.get(summary, fresh);
      statuses.push(res.status);
      if (res.status !== 200) continue;
      // A part that failed even after retries is null and explained; the other parts still answer.
      const body = res.json as ProfileSummary;
      for (const [part, error] of Object.entries(body.errors)) {
        expect(body[part as keyof ProfileSummary["errors"]]).toBeNull();
        expect(error.code).toBe("upstream_error");
      }
    }
    expect(statuses.every((s) => s === 200 || s === 502)).toBe(true);
    expect(statuses).toContain(200);
  });

  it("maps dropped connections and malformed bodies to 502 upstream_error", async () => {
    stack.setFaults({ dropRate: 1 });
    await expectError(traits, 502, "upstream_error");
    stack.setFaults({ malformedRate: 1 });
    await expectError(traits, 502, "upstream_error");
  });

  it("answers 504 upstream_error when the Profile API is slower than the deadline", async () => {
    stack.setFaults({ latencyMs: 3000 });
    const started = Date.now();
    await expectError(traits, 504, "upstream_error");
    expect(Date.now() - started).toBeLessThan(4000 + 1500);
  });

  it("recovers as soon as the faults stop", async () => {
    stack.setFaults({});
    const res = await stack.get(summary, fresh);
    expect(res.status).toBe(200);
    expect((res.json as ProfileSummary).errors).toEqual({});
  });
});

describe("logs and secrets under faults", () => {
  it("logs each failed request with its status and no stack, identifier value or token", () => {
    const lines = stack.logLines().filter((l) => l.msg === "request");
    expect(lines).toHaveLength(stack.recorded.length);
    expect(lines.map((l) => l.status)).toEqual(expect.arrayContaining([502, 504, 429, 200]));
    expect(stack.rawOutput()).not.toContain("u_ada");
  });

  it("never shows the access token in a response, a header, a log line or the browser bundle", () => {
    assertNothingLeaked(stack);
  });
});

describe("an agent who goes away", () => {
  it("is logged as 499 client-closed, not as a 500 error", async () => {
    stack.setFaults({ latencyMs: 1500 });
    const before = stack.logLines().length;
    const controller = new AbortController();
    const pending = fetch(`${stack.appUrl}${traits}`, {
      headers: { Cookie: stack.session, "Cache-Control": "no-cache" },
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    await expect(pending).rejects.toThrow();
    await expect
      .poll(
        () =>
          stack
            .logLines()
            .slice(before)
            .filter((l) => l.msg === "request"),
        { timeout: 5_000 },
      )
      .toHaveLength(1);
    const [line] = stack
      .logLines()
      .slice(before)
      .filter((l) => l.msg === "request");
    expect(line).toMatchObject({ status: 499, level: "info" });
    expect(line?.error).toBeUndefined();
    stack.setFaults({});
  });
});
