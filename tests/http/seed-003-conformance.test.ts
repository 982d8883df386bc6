// Every BFF route of the BUILT app against an upstream that answers what seed 003's OpenAPI description allows:
// random schema-conforming bodies (tests/seed-003/), fixed seed. At least 98% must be 200 (or the documented 404),
// never a 500; pages keep our cursor URLs, and the access token appears nowhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProfileSummary } from "@/lib/core/api-types";
import { type FakeUpstream, startFakeUpstream } from "@/tests/seed-003/fake-upstream";
import { assertNothingLeaked } from "./leak-check";
import { isOwnCursorUrl, profilePath, type Stack, startStack } from "./harness";

const SAMPLES_PER_ROUTE = 150;
const CALLS_PER_ROUTE = 60;
const BATCH = 20;
/** A new identifier per call, so that no two calls are coalesced into one upstream answer. */
const idOf = (collection: "users" | "accounts", n: number) =>
  collection === "users" ? `user_id:seed-003-${n}` : `group_id:seed-003-${n}`;
const ROUTES = [
  ["", ""],
  ["traits", ""],
  ["traits", "verbose=true"],
  ["traits", "class=audience&limit=50"],
  ["external_ids", ""],
  ["events", "limit=25"],
  ["metadata", ""],
  ["metadata", "verbose=true"],
  ["links", ""],
] as const;

let upstream: FakeUpstream;
let stack: Stack;

beforeAll(async () => {
  upstream = await startFakeUpstream({ samplesPerRoute: SAMPLES_PER_ROUTE, seed: 3, notFoundEvery: 50 });
  // No server cache and a high rate budget: every BFF call is a fresh upstream answer.
  stack = await startStack({
    appEnv: {
      PROFILE_API_URL: upstream.url,
      CACHE_TTL_TRAITS_MS: "0",
      CACHE_TTL_EVENTS_MS: "0",
      PROFILE_API_RATE_LIMIT: "100000",
    },
  });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await upstream?.close();
});

type Outcome = { status: number; partErrors: string[] };

/** A summary is fully answered when every failed part is the documented not_found. */
function outcomeOf(status: number, json: unknown, route: string): Outcome {
  if (route !== "" || status !== 200) return { status, partErrors: [] };
  const errors = Object.values((json as ProfileSummary).errors).map((e) => e?.code ?? "?");
  return { status, partErrors: errors.filter((code) => code !== "not_found") };
}

async function callRoute(collection: "users" | "accounts", resource: string, query: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let batch = 0; batch < CALLS_PER_ROUTE / BATCH; batch += 1) {
    const ids = Array.from({ length: BATCH }, (_, i) => idOf(collection, batch * BATCH + i));
    const answers = await Promise.all(ids.map((id) => stack.get(profilePath(collection, id, resource, query))));
    answers.forEach((answer, i) => {
      const cursorUrl = (answer.json as { cursor?: { url?: string } } | null)?.cursor?.url;
      if (cursorUrl !== undefined) {
        expect(isOwnCursorUrl(cursorUrl, collection, resource), cursorUrl).toBe(true);
        expect(cursorUrl).not.toContain(encodeURIComponent(ids[i] ?? ""));
      }
      outcomes.push(outcomeOf(answer.status, answer.json, resource));
    });
  }
  return outcomes;
}

describe("seed 003 conformance", () => {
  it("answers ≥ 98% of schema-conforming upstream answers with 200 (or the documented 404) on every route, never 500", async () => {
    const started = Date.now();
    const report: string[] = [];
    for (const collection of ["users", "accounts"] as const) {
      for (const [resource, query] of ROUTES) {
        const outcomes = await callRoute(collection, resource, query);
        const good = outcomes.filter((o) => (o.status === 200 && o.partErrors.length === 0) || o.status === 404).length;
        const share = good / outcomes.length;
        const statuses = [...new Set(outcomes.map((o) => o.status))].sort().join(",");
        report.push(
          `${collection}/${resource || "(summary)"}${query ? `?${query}` : ""}: ${(share * 100).toFixed(1)}% [${statuses}]`,
        );
        expect(
          outcomes.some((o) => o.status === 500),
          `${collection} ${resource} ${query}`,
        ).toBe(false);
        expect(share, report.at(-1)).toBeGreaterThanOrEqual(0.98);
      }
    }
    console.log(
      `seed 003 conformance in ${Date.now() - started} ms (${upstream.served.ok} sampled 200s, ${upstream.served.notFound} 404s):\n${report.join("\n")}`,
    );
    // Every BFF call reached the upstream (the summary six times): no answer came from a cache.
    expect(upstream.served.ok + upstream.served.notFound).toBeGreaterThanOrEqual(
      (ROUTES.length + 5) * 2 * CALLS_PER_ROUTE,
    );
    await assertNothingLeaked(stack);
  }, 60_000);
});
