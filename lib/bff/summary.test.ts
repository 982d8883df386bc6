// The summary fan-out: one failed part is reported in that part; every part 404 is a 404. The Profile API is replaced
// by a fake here only to choose which part fails; the same paths run over HTTP in tests/http.
import { describe, expect, it } from "vitest";
import type { TraitsPage } from "@/lib/core/api-types";
import { AppError } from "@/lib/core/error-body";
import type { ProfileApi, UpstreamResult } from "@/lib/profile-api/client";
import { fetchProfileSummary } from "./summary";

const ok = <T>(body: T): Promise<UpstreamResult<T>> => Promise.resolve({ body, requestId: "req-1", cache: "MISS" });

function fakeApi(fail: Partial<Record<keyof ProfileApi, AppError>> = {}): ProfileApi {
  const or = <T>(name: keyof ProfileApi, value: () => Promise<T>) =>
    fail[name] ? Promise.reject(fail[name]) : value();
  return {
    traits: (_c, _id, query) =>
      or("traits", () => ok<TraitsPage>({ traits: query?.class === "audience" ? { vip: true } : { plan: "pro" } })),
    externalIds: () => or("externalIds", () => ok({ data: [{ id: "u1", type: "user_id" }] })),
    events: () => or("events", () => ok({ data: [] })),
    metadata: () => or("metadata", () => ok({ metadata: { created_at: "2026-01-01T00:00:00Z" } })),
    links: () => or("links", () => ok({ data: [] })),
  };
}

const id = { type: "user_id", value: "u1" };

describe("fetchProfileSummary", () => {
  it("answers every part", async () => {
    const { body, cache } = await fetchProfileSummary(fakeApi(), "users", id, {});
    expect(body).toMatchObject({ id: "user_id:u1", traits: { plan: "pro" }, audiences: { vip: true }, errors: {} });
    expect(cache).toBe("MISS");
  });

  it("reports a failed part as null with its error and still answers the rest", async () => {
    const failure = new AppError("upstream_error", "down", { requestId: "req-9" });
    const { body } = await fetchProfileSummary(fakeApi({ links: failure }), "users", id, {});
    expect(body.links).toBeNull();
    expect(body.errors.links).toEqual({ code: "upstream_error", message: "down", request_id: "req-9" });
    expect(body.metadata).toEqual({ created_at: "2026-01-01T00:00:00Z" });
  });

  it("is a 404 when every part is not found", async () => {
    const nf = new AppError("not_found", "none");
    const all = { traits: nf, externalIds: nf, metadata: nf, links: nf };
    await expect(fetchProfileSummary(fakeApi(all), "users", id, {})).rejects.toMatchObject({
      code: "not_found",
      status: 404,
    });
  });

  it("answers the first real error when every part failed for different reasons", async () => {
    const auth = new AppError("upstream_authentication_error", "token");
    const nf = new AppError("not_found", "none");
    const all = { traits: nf, externalIds: auth, metadata: nf, links: nf };
    await expect(fetchProfileSummary(fakeApi(all), "users", id, {})).rejects.toMatchObject({
      code: "upstream_authentication_error",
    });
  });
});
