import { describe, expect, it } from "vitest";
import { decodeEventCursor } from "../routes/cursor";
import { buildDataset } from "../seed/dataset";
import { countsOf, SEED_FACTS } from "../seed-facts";
import { SEED_IDS } from "../seed-ids";
import { accounts, ANCHOR, enc, users, withSimulator, type Cursor, type ErrorAnswer } from "./harness";

const { get } = withSimulator();
type Event = {
  type: string;
  event: string;
  timestamp: string;
  message_id: string;
  properties: Record<string, unknown>;
  traits?: object;
  context: object;
  external_ids: object[];
  related: object;
  source_id: string;
};
type EventsBody = { data: Event[]; cursor: Cursor };
const ada = enc(SEED_IDS.ada.userId);
const heavy = SEED_IDS.heavy.userId;
const eventsOf = async (id: string, query = "") => (await get(users(id, "events", query))).body as EventsBody;
const WINDOW_START = ANCHOR.getTime() - 14 * 86_400_000;
const ms = (e: Event) => Date.parse(e.timestamp);

describe("events", () => {
  it("answers 10 events by default, newest first, shaped like the docs' sample", async () => {
    const body = await eventsOf(ada);
    expect(body.data).toHaveLength(10);
    for (let i = 1; i < body.data.length; i++) expect(ms(body.data[i - 1]!)).toBeGreaterThanOrEqual(ms(body.data[i]!));
    for (const key of [
      "type",
      "event",
      "properties",
      "context",
      "timestamp",
      "message_id",
      "source_id",
      "external_ids",
      "related",
    ])
      expect(body.data[0]).toHaveProperty(key);
    expect(body.cursor.has_more).toBe(true);
  });

  it("answers nothing older than 14 days nor after the anchor, though older events are stored", async () => {
    const stored = buildDataset(SEED_FACTS.defaultSeed, ANCHOR).find("users", "user_id", "u_heavy")?.events ?? [];
    expect(stored.some((e) => e.ms <= WINDOW_START)).toBe(true);
    const body = await eventsOf(heavy, "?limit=100&sort=asc");
    expect(ms(body.data[0]!)).toBeGreaterThan(WINDOW_START);
    const last = await eventsOf(heavy, "?limit=1");
    expect(ms(last.data[0]!)).toBeLessThanOrEqual(ANCHOR.getTime());
  });

  it("start before the window still answers only the window", async () => {
    const body = await eventsOf(heavy, "?sort=asc&limit=5&start=2000-01-01");
    expect(ms(body.data[0]!)).toBeGreaterThan(WINDOW_START);
  });

  it("start and end (date-times) bound the events", async () => {
    const start = new Date(ANCHOR.getTime() - 3 * 86_400_000).toISOString();
    const end = new Date(ANCHOR.getTime() - 2 * 86_400_000).toISOString();
    const body = await eventsOf(heavy, `?limit=100&start=${start}&end=${end}`);
    expect(body.data.length).toBeGreaterThan(0);
    for (const e of body.data) {
      expect(ms(e)).toBeGreaterThan(Date.parse(start));
      expect(ms(e)).toBeLessThanOrEqual(Date.parse(end));
    }
  });

  it("end as a date (YYYY-MM-DD) is accepted", async () => {
    const day = new Date(ANCHOR.getTime() - 5 * 86_400_000).toISOString().slice(0, 10);
    const body = await eventsOf(heavy, `?end=${day}`);
    for (const e of body.data) expect(ms(e)).toBeLessThanOrEqual(Date.parse(`${day}T00:00:00Z`));
  });

  it.each(["start", "end"])("invalid %s → 400 naming it", async (name) => {
    const res = await get(users(heavy, "events", `?${name}=yesterday`));
    expect(res.status).toBe(400);
    expect((res.body as ErrorAnswer).error.message).toContain(`\`${name}\``);
    expect((await get(users(heavy, "events", `?${name}=2026-02-30`))).status).toBe(400);
  });

  it("start at or after end → 400 naming start", async () => {
    const res = await get(users(heavy, "events", "?start=2026-11-19&end=2026-11-18"));
    expect(res.status).toBe(400);
    expect((res.body as ErrorAnswer).error.message).toContain("`start`");
  });

  it("include keeps only the named events", async () => {
    const body = await eventsOf(heavy, "?limit=100&include=Order%20Completed,Payment%20Failed");
    expect(body.data.length).toBeGreaterThan(0);
    for (const e of body.data) expect(["Order Completed", "Payment Failed"]).toContain(e.event);
    const order = body.data.find((e) => e.event === "Order Completed");
    expect(typeof order?.properties.currency).toBe("string");
    expect(typeof order?.properties.revenue).toBe("number");
  });

  it("exclude drops the named events", async () => {
    const body = await eventsOf(heavy, "?limit=100&exclude=Page%20Viewed,Screen%20Viewed");
    expect(body.data.length).toBeGreaterThan(0);
    for (const e of body.data) expect(["Page Viewed", "Screen Viewed"]).not.toContain(e.event);
  });

  it("sort=asc answers oldest first; sort=sideways → 400 naming sort", async () => {
    const body = await eventsOf(heavy, "?sort=asc&limit=20");
    for (let i = 1; i < body.data.length; i++) expect(ms(body.data[i - 1]!)).toBeLessThanOrEqual(ms(body.data[i]!));
    const res = await get(users(heavy, "events", "?sort=sideways"));
    expect(res.status).toBe(400);
    expect((res.body as ErrorAnswer).error.message).toContain("`sort`");
  });

  it.each(["0", "101", "abc"])("limit=%s → 400 naming limit", async (limit) => {
    const res = await get(users(heavy, "events", `?limit=${limit}`));
    expect(res.status).toBe(400);
    expect((res.body as ErrorAnswer).error.message).toContain("`limit`");
  });

  it("limit=1 and limit=100 are the bounds", async () => {
    expect((await eventsOf(heavy, "?limit=1")).data).toHaveLength(1);
    expect((await eventsOf(heavy, "?limit=100")).data).toHaveLength(100);
  });

  it("types: identify (with traits), page, screen, group and track all occur", async () => {
    const types = new Set<string>();
    let next = "";
    for (let page = 0; page < 10; page++) {
      const body = await eventsOf(ada, `?limit=100${next ? `&next=${encodeURIComponent(next)}` : ""}`);
      body.data.forEach((e) => {
        types.add(e.type);
        if (e.type === "identify") expect(e.traits).toBeDefined();
      });
      if (!body.cursor.has_more) break;
      next = body.cursor.next;
    }
    for (const t of ["identify", "page", "screen", "group", "track"]) expect(types).toContain(t);
  });

  it("next is base64 of <unix-nanos>::<message_id> of the first event of the next page", async () => {
    const first = await eventsOf(heavy, "?limit=3");
    const cursor = decodeEventCursor(first.cursor.next);
    const second = await eventsOf(heavy, `?limit=3&next=${encodeURIComponent(first.cursor.next)}`);
    expect(second.data[0]?.message_id).toBe(cursor.messageId);
    expect(Buffer.from(first.cursor.next, "base64").toString()).toMatch(/^\d{19}::/);
  });

  it("a forged next → 400 naming next", async () => {
    const res = await get(users(heavy, "events", "?next=not-a-cursor"));
    expect(res.status).toBe(400);
    expect((res.body as ErrorAnswer).error.message).toContain("`next`");
  });

  it(`pages the heavy user (≥ ${SEED_FACTS.heavyMinEventsInWindow} events) to the end: no duplicates, has_more false at the end`, async () => {
    const seen = new Set<string>();
    let next = "";
    let last: EventsBody | undefined;
    for (let page = 0; page < 100; page++) {
      last = await eventsOf(heavy, `?limit=100${next ? `&next=${encodeURIComponent(next)}` : ""}`);
      last.data.forEach((e) => seen.add(e.message_id));
      if (!last.cursor.has_more) break;
      next = last.cursor.next;
    }
    expect(last?.cursor).toMatchObject({ has_more: false, next: "" });
    expect(seen.size).toBe(countsOf("users", heavy, ANCHOR).eventsInWindow);
    expect(seen.size).toBeGreaterThanOrEqual(SEED_FACTS.heavyMinEventsInWindow);
  });

  it("the quiet user has zero events", async () => {
    expect(await eventsOf(SEED_IDS.quiet.userId)).toMatchObject({ data: [], cursor: { has_more: false } });
  });

  it("accounts have events too", async () => {
    const body = (await get(accounts(enc(SEED_IDS.acme.groupId), "events"))).body as EventsBody;
    expect(body.data.length).toBeGreaterThan(0);
  });

  it("docs sample: user_id:c0HN02fNe1's newest event is the documented one (moved into the window)", async () => {
    const body = await eventsOf(SEED_IDS.docs.eventsUser, "?limit=1");
    const e = body.data[0]!;
    expect(e).toMatchObject({
      type: "track",
      event: "Page Viewed",
      message_id: "ajs-1a6064a677b3c16a01b8055c18f16e0b-clean",
      source_id: "CRx5M9uk2p",
      related: { users: "use_RkjG0kW53igMijEISMH0vKBF4sL" },
    });
    expect(e.properties).toMatchObject({ section: "Spec", topic: "Spec: V2 Ecommerce Events" });
    expect(body.cursor.has_more).toBe(true);
  });
});
