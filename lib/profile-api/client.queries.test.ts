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

const ada = id(SEED_IDS.ada.userId);
const heavy = id(SEED_IDS.heavy.userId);

describe("typed query parameters reach the Profile API", () => {
  it("traits: limit, next, class, include, verbose", async () => {
    const first = await api.traits("users", ada, { limit: 2 });
    expect(Object.keys(first.body.traits)).toHaveLength(2);
    expect(first.body.cursor).toMatchObject({ has_more: true, limit: 2 });
    const second = await api.traits("users", ada, { limit: 2, next: first.body.cursor?.next });
    expect(Object.keys(second.body.traits)).not.toContain(Object.keys(first.body.traits)[0]);

    const audiences = await api.traits("users", ada, { class: "audience", limit: 200 });
    const computed = await api.traits("users", ada, { class: "computed_trait", limit: 200 });
    const all = await api.traits("users", ada, { limit: 200 });
    expect(Object.keys(audiences.body.traits).length).toBeGreaterThan(0);
    expect(Object.keys(computed.body.traits).length).toBeGreaterThan(0);
    expect(Object.keys(all.body.traits).length).toBeGreaterThan(Object.keys(audiences.body.traits).length);

    const [a, b] = Object.keys(all.body.traits);
    const included = await api.traits("users", ada, { include: [a!, b!] });
    expect(Object.keys(included.body.traits).sort()).toEqual([a, b].sort());

    const verbose = await api.traits("users", ada, { include: [a!], verbose: true });
    expect(verbose.body.traits[a!]).toMatchObject({ value: all.body.traits[a!] });
  });

  it("external ids: include and limit", async () => {
    const emails = await api.externalIds("users", ada, { include: ["email", "phone"] });
    expect(new Set(emails.body.data.map((x) => x.type))).toEqual(new Set(["email", "phone"]));
    const one = await api.externalIds("users", ada, { limit: 1, verbose: true });
    expect(one.body.data).toHaveLength(1);
    expect(one.body.cursor?.has_more).toBe(true);
  });

  it("events: limit, sort, include, exclude, start, end, next", async () => {
    const desc = await api.events("users", heavy, { limit: 5 });
    const asc = await api.events("users", heavy, { limit: 5, sort: "asc" });
    expect(desc.body.data).toHaveLength(5);
    const times = (page: typeof desc) => page.body.data.map((e) => Date.parse(e.timestamp));
    expect(times(desc)).toEqual([...times(desc)].sort((x, y) => y - x));
    expect(times(asc)).toEqual([...times(asc)].sort((x, y) => x - y));
    expect(times(asc)[0]).toBeLessThan(times(desc)[0]!);

    const name = desc.body.data.find((e) => e.event)?.event;
    expect(name).toBeTruthy();
    const only = await api.events("users", heavy, { include: [name!], limit: 50 });
    expect(only.body.data.length).toBeGreaterThan(0);
    expect(only.body.data.every((e) => e.event === name)).toBe(true);
    const without = await api.events("users", heavy, { exclude: [name!], limit: 50 });
    expect(without.body.data.some((e) => e.event === name)).toBe(false);

    const newest = times(desc)[0]!;
    const end = new Date(newest - 60 * 60 * 1000).toISOString();
    const start = new Date(newest - 3 * 24 * 60 * 60 * 1000).toISOString();
    const windowed = await api.events("users", heavy, { start, end, limit: 100 });
    for (const t of times(windowed)) {
      expect(t).toBeGreaterThan(Date.parse(start));
      expect(t).toBeLessThanOrEqual(Date.parse(end));
    }

    const next = await api.events("users", heavy, { limit: 5, next: desc.body.cursor?.next });
    expect(times(next)[0]).toBeLessThanOrEqual(times(desc)[4]!);
    expect(next.body.data[0]?.message_id).not.toBe(desc.body.data[0]?.message_id);
  });

  it("metadata: verbose is accepted", async () => {
    const res = await api.metadata("users", ada, { verbose: true });
    expect(typeof res.body.metadata.created_at).toBe("string");
  });

  it("links: limit and next", async () => {
    const first = await api.links("users", ada, { limit: 1 });
    expect(first.body.data).toHaveLength(1);
    const second = await api.links("users", ada, { limit: 1, next: first.body.cursor?.next });
    expect(second.body.data[0]?.external_ids[0]?.id).not.toBe(first.body.data[0]?.external_ids[0]?.id);
  });

  it("an out-of-range value the upstream rejects is bad_request, not retried", async () => {
    sim.resetStats();
    const error = await rejectionOf(api.events("users", heavy, { limit: 1000 }));
    expect(error).toBeInstanceOf(ProfileApiError);
    expect(error).toMatchObject({ kind: "bad_request", status: 400 });
    expect(sim.stats().requests.total).toBe(1);
  });
});

describe("identifier values never change the upstream path", () => {
  it.each([
    ["phone with a leading +", SEED_IDS.ada.phone],
    ["email", SEED_IDS.ada.email],
    ["ios.idfa type with a dot", SEED_IDS.ada.idfa],
    ["/ ? # % + space .. and unicode", SEED_IDS.weird.userId],
  ])("%s → found", async (_name, raw) => {
    const res = await api.externalIds("users", id(raw));
    expect(res.body.data.length).toBeGreaterThan(0);
  });

  it.each([
    ["a value that climbs out of the path", "user_id:../../u_ada"],
    ["a value with a query", "user_id:u_ada?x=1"],
    ["a value with a fragment", "user_id:u_ada#traits"],
    ["a value with a slash", "user_id:u_ada/traits"],
    ["a pre-encoded value", "user_id:u%5Fada"],
    ["+ that must not read as a space", "phone: 15550100001"],
  ])("%s → not_found (never another profile or route)", async (_name, raw) => {
    const error = await rejectionOf(api.traits("users", id(raw)));
    expect(error).toMatchObject({ kind: "not_found" });
  });
});
