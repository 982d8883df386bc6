// A broken or hostile Profile API behind the built app (issue 14): deep values, unreadable bodies, long Retry-After,
// junk Request-Id. The agent always gets an answer (data or a mapped error) quickly; nothing is refetched in a loop.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_IDS } from "@/simulator/seed-ids";
import { profilePath, type Stack, startStack } from "./harness";
import { assertNothingLeaked } from "./leak-check";

let stack: Stack;
const fresh = { headers: { "Cache-Control": "no-cache" } };
const adaTraits = profilePath("users", SEED_IDS.ada.userId, "traits");
const TOO_DEEP = "[too deep to display]";

beforeAll(async () => {
  stack = await startStack({ appEnv: { PROFILE_API_ATTEMPT_TIMEOUT_MS: "2000", PROFILE_API_DEADLINE_MS: "4000" } });
}, 120_000);
afterAll(async () => {
  if (stack) await assertNothingLeaked(stack);
  await stack?.stop();
});
beforeEach(() => {
  stack.setFaults({});
  stack.sim.resetStats();
});

/** A page fetched with a time limit: a response that never ends fails the test instead of hanging it. */
async function fetchPage(pathname: string): Promise<{ status: number; bytes: number; text: string }> {
  const response = await fetch(`${stack.appUrl}${pathname}`, {
    headers: { Cookie: stack.session },
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), text };
}

describe("a trait nested 5,000 deep", () => {
  it("is shown as 'too deep' in the traits route, also from the cache, and the rest of the traits still answer", async () => {
    stack.setFaults({ deepTraitDepth: 5_000 });
    const first = await stack.get(adaTraits, fresh);
    expect(first.status).toBe(200);
    expect(first.text).toContain(TOO_DEEP);
    expect(Object.keys((first.json as { traits: Record<string, unknown> }).traits).length).toBeGreaterThan(1);
    const again = await stack.get(adaTraits);
    expect(again.status).toBe(200);
    expect(again.headers.get("x-cache")).toBe("HIT");
  });

  it("renders the profile page completely, small, in bounded time", async () => {
    stack.setFaults({ deepTraitDepth: 5_000 });
    const page = await fetchPage(`/profiles/users/${encodeURIComponent(SEED_IDS.ada.userId)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("</html>");
    expect(page.bytes).toBeLessThan(1_000_000);
  });
});

describe("an answer that can never be read is fetched at most twice", () => {
  it.each([
    ["a 10 MB body cut short", { truncatedBodyBytes: 10 * 1024 * 1024 }],
    ["a 200 with an HTML page", { htmlBodyRate: 1 }],
  ])("%s → 502 after at most 2 upstream calls", async (_name, faults) => {
    stack.setFaults(faults);
    const res = await stack.get(adaTraits, fresh);
    expect(res.status).toBe(502);
    expect((res.json as { error: { code: string } }).error.code).toBe("upstream_error");
    expect(stack.sim.stats().requests.total).toBeLessThanOrEqual(2);
  });

  it("a summary whose every part is unreadable makes at most 2 calls per part", async () => {
    stack.setFaults({ malformedRate: 1 });
    const res = await stack.get(profilePath("users", SEED_IDS.quiet.userId), fresh);
    expect([200, 502]).toContain(res.status);
    const parts = Object.keys(stack.sim.stats().requests.byRoute).length;
    expect(stack.sim.stats().requests.total).toBeLessThanOrEqual(2 * 7);
    expect(parts).toBeGreaterThan(0);
  });
});

describe("a junk upstream Request-Id", () => {
  it("is replaced by our own id in X-Request-Id, the body and the log", async () => {
    const junk = `<script>alert(1)</script>${"x".repeat(8_000)}`;
    stack.setFaults({ requestIdOverride: junk });
    const res = await stack.get(adaTraits, fresh);
    expect(res.status).toBe(200);
    const requestId = res.headers.get("x-request-id") ?? "";
    expect(requestId).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
    expect(stack.rawOutput()).not.toContain("<script>");
    stack.setFaults({ requestIdOverride: junk, errorRates: { "404": 1 } });
    const missing = await stack.get(adaTraits, fresh);
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain("<script>");
    expect(missing.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
  });
});

describe("a 429 on one profile", () => {
  it("tells that agent to retry within 60 s and keeps serving the others", async () => {
    stack.setFaults({ rateLimitBurst: 1, retryAfterSeconds: 3_600 });
    const limited = await stack.get(adaTraits, fresh);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const started = performance.now();
    const other = await stack.get(profilePath("users", SEED_IDS.quiet.userId, "traits"), fresh);
    expect(other.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(3_500);
  });

  it("with Retry-After: 30 does not answer 429 to other agents", async () => {
    stack.setFaults({ rateLimitBurst: 1, retryAfterSeconds: 30 });
    expect((await stack.get(adaTraits, fresh)).status).toBe(429);
    const others = await Promise.all(
      [SEED_IDS.quiet.userId, SEED_IDS.heavy.userId, SEED_IDS.manyTraits.userId].map((id) =>
        stack.get(profilePath("users", id, "metadata"), fresh),
      ),
    );
    expect(others.map((r) => r.status)).toEqual([200, 200, 200]);
  });
});
