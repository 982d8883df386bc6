// @vitest-environment jsdom
// A summary whose parts partly failed (an outage ending mid fan-out) fills itself in without the agent's Refresh, and
// a part that keeps failing does not make the browser ask forever. (jsdom: React Query runs no refetch interval where
// there is no window.)
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ProfileSummary } from "@/lib/core/api-types";
import { PARTIAL_SUMMARY_RETRIES, PARTIAL_SUMMARY_RETRY_MS, summaryQuery } from "./profiles";

const full: ProfileSummary = {
  collection: "users",
  id: "h1.handle",
  traits: { name: "Quinn Quiet" },
  computed_traits: {},
  audiences: {},
  external_ids: [],
  metadata: null,
  links: [],
  errors: {},
};
const partial: ProfileSummary = {
  ...full,
  traits: null,
  errors: { traits: { code: "upstream_unavailable", message: "The Profile API did not answer." } },
};

/** Observes the real summary query options; only the network answer (the BFF's) is given by the test. */
function observe(answers: () => ProfileSummary) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const calls = { count: 0 };
  const observer = new QueryObserver(client, {
    ...summaryQuery("users", "h1.handle"),
    queryFn: () => {
      calls.count += 1;
      return Promise.resolve(answers());
    },
  });
  const unsubscribe = observer.subscribe(() => undefined);
  return { client, observer, calls, stop: () => (unsubscribe(), client.clear()) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("a summary with failed parts", () => {
  it("asks again by itself and shows the whole profile once the parts answer", async () => {
    let answer = partial;
    const run = observe(() => answer);
    await vi.advanceTimersByTimeAsync(0);
    expect(run.observer.getCurrentResult().data?.traits).toBeNull();
    answer = full;
    await vi.advanceTimersByTimeAsync(PARTIAL_SUMMARY_RETRY_MS);
    expect(run.observer.getCurrentResult().data?.traits).toEqual({ name: "Quinn Quiet" });
    // Whole now: no more asking.
    await vi.advanceTimersByTimeAsync(10 * PARTIAL_SUMMARY_RETRY_MS);
    expect(run.calls.count).toBe(2);
    run.stop();
  });

  it("stops asking after a bounded number of tries when a part keeps failing", async () => {
    const run = observe(() => partial);
    await vi.advanceTimersByTimeAsync(20 * PARTIAL_SUMMARY_RETRY_MS);
    expect(run.calls.count).toBe(1 + PARTIAL_SUMMARY_RETRIES);
    run.stop();
  });

  it("a whole summary is not asked for again", async () => {
    const run = observe(() => full);
    await vi.advanceTimersByTimeAsync(10 * PARTIAL_SUMMARY_RETRY_MS);
    expect(run.calls.count).toBe(1);
    run.stop();
  });
});
