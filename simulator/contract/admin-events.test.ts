import { describe, expect, it } from "vitest";
import { assertLoopback } from "../live-events";
import { SEED_IDS } from "../seed-ids";
import { ANCHOR, enc, users, withSimulator, type ErrorAnswer } from "./harness";

const { sim, get } = withSimulator();
const post = (body: unknown) =>
  fetch(`${sim().url}/__admin/events`, { method: "POST", body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as unknown,
  }));
type Page = { data: { event: string; message_id: string; timestamp: string; properties: object }[] };

describe("POST /__admin/events", () => {
  it("appends an event the events route answers first, moving the window's end up to it", async () => {
    const timestamp = new Date(ANCHOR.getTime() + 90_000).toISOString();
    const added = await post({
      id: SEED_IDS.ada.userId,
      event: "Support Ticket Opened",
      properties: { subject: "Live test" },
      timestamp,
    });
    expect(added.status).toBe(201);
    const { message_id } = added.body as { message_id: string };
    const page = await get(users(enc(SEED_IDS.ada.userId), "events", "?limit=2"));
    const [first] = (page.body as Page).data;
    expect(first).toMatchObject({ event: "Support Ticket Opened", message_id, timestamp });
    expect(first?.properties).toEqual({ subject: "Live test" });
    // The same profile under another identifier sees it too.
    const byEmail = await get(users(enc(SEED_IDS.ada.email), "events", "?limit=1"));
    expect((byEmail.body as Page).data[0]?.message_id).toBe(message_id);
    // Admin calls are not counted as API traffic.
    expect(sim().stats().requests.byRoute.events).toBe(2);
  });

  it("names what is wrong: unknown profile 404, bad body 400", async () => {
    const unknown = await post({ id: "user_id:nobody_here", event: "X" });
    expect(unknown.status).toBe(404);
    const bad = await post({ id: "no-colon", event: "X" });
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorAnswer).error.message).toContain("id");
    const extra = await post({ id: SEED_IDS.ada.userId, event: "X", surprise: 1 });
    expect(extra.status).toBe(400);
  });

  it("accepts writes from loopback only", () => {
    expect(() => assertLoopback("127.0.0.1")).not.toThrow();
    expect(() => assertLoopback("::ffff:127.0.0.1")).not.toThrow();
    expect(() => assertLoopback("::1")).not.toThrow();
    expect(() => assertLoopback("10.0.0.7")).toThrow("loopback only");
    expect(() => assertLoopback(undefined)).toThrow("loopback only");
  });
});
