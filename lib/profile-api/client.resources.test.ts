import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { SEED_IDS } from "@/simulator/seed-ids";
import type { createProfileApi } from "./client";
import { ProfileApiError } from "./errors";
import { clientFor, id, rejectionOf, startSim } from "./test/harness";

let sim: RunningSimulator;
let api: ReturnType<typeof createProfileApi>;

beforeAll(async () => {
  sim = await startSim();
  api = clientFor(sim);
});
afterAll(async () => {
  await api.close();
  await sim.close();
});

describe("each resource over HTTP, users and accounts", () => {
  const ada = id(SEED_IDS.ada.userId);
  const acme = id(SEED_IDS.acme.groupId);

  it("traits", async () => {
    const user = await api.traits("users", ada);
    expect(typeof user.body.traits).toBe("object");
    expect(Object.keys(user.body.traits).length).toBeGreaterThan(0);
    expect(user.requestId).toBeTruthy();
    const account = await api.traits("accounts", acme);
    expect(Object.keys(account.body.traits).length).toBeGreaterThan(0);
  });

  it("external ids", async () => {
    const user = await api.externalIds("users", ada);
    expect(user.body.data.map((x) => `${x.type}:${x.id as string}`)).toContain(SEED_IDS.ada.email);
    const account = await api.externalIds("accounts", acme);
    expect(account.body.data.map((x) => `${x.type}:${x.id as string}`)).toContain(SEED_IDS.acme.groupId);
  });

  it("events", async () => {
    const user = await api.events("users", ada);
    expect(user.body.data.length).toBeGreaterThan(0);
    for (const e of user.body.data) expect(typeof e.timestamp).toBe("string");
    const account = await api.events("accounts", acme);
    expect(Array.isArray(account.body.data)).toBe(true);
  });

  it("metadata", async () => {
    const user = await api.metadata("users", ada);
    expect(typeof user.body.metadata.created_at).toBe("string");
    const account = await api.metadata("accounts", acme);
    expect(typeof account.body.metadata.updated_at).toBe("string");
  });

  it("links", async () => {
    const user = await api.links("users", ada);
    expect(user.body.data.map((l) => l.external_ids[0]?.id)).toEqual(expect.arrayContaining(["acct_acme"]));
    const account = await api.links("accounts", acme);
    expect(account.body.data.every((l) => l.to_collection === "users")).toBe(true);
    expect(account.body.data.length).toBeGreaterThanOrEqual(5);
  });

  it("an unknown profile is not_found with the upstream Request-Id, not retried", async () => {
    sim.resetStats();
    const error = await rejectionOf(api.traits("users", id("user_id:nobody_here")));
    expect(error).toBeInstanceOf(ProfileApiError);
    expect(error).toMatchObject({ kind: "not_found", status: 404, upstreamCode: "not_found" });
    expect((error as ProfileApiError).requestId).toBeTruthy();
    expect(sim.stats().requests.total).toBe(1);
  });
});
