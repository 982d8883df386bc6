import { describe, expect, it } from "vitest";
import { countsOf, SEED_FACTS } from "../seed-facts";
import { SEED_IDS } from "../seed-ids";
import { accounts, ANCHOR, enc, users, withSimulator, type Cursor, type ErrorAnswer } from "./harness";

const { get } = withSimulator();
type TraitsBody = { traits: Record<string, unknown>; cursor: Cursor };
const ada = enc(SEED_IDS.ada.userId);
const traitsOf = async (query: string) => (await get(users(ada, "traits", query))).body as TraitsBody;

describe("traits", () => {
  it("answers 10 traits by default, with has_more, next and limit 10", async () => {
    const body = await traitsOf("");
    expect(Object.keys(body.traits)).toHaveLength(10);
    expect(body.cursor).toMatchObject({ has_more: true, limit: 10 });
    expect(body.cursor.next).not.toBe("");
  });

  it("answers up to 200 with limit=200: every trait of ada, has_more false", async () => {
    const body = await traitsOf("?limit=200");
    expect(Object.keys(body.traits)).toHaveLength(countsOf("users", SEED_IDS.ada.userId, ANCHOR).traits);
    expect(body.cursor).toMatchObject({ has_more: false, next: "" });
  });

  it.each(["0", "201", "-1", "1.5", "ten", ""])("limit=%s → 400 invalid_request_error naming limit", async (limit) => {
    const res = await get(users(ada, "traits", `?limit=${limit}`));
    expect(res.status).toBe(400);
    expect((res.body as ErrorAnswer).error.code).toBe("invalid_request_error");
    expect((res.body as ErrorAnswer).error.message).toContain("`limit`");
  });

  it("limit=1 answers exactly one trait", async () => {
    expect(Object.keys((await traitsOf("?limit=1")).traits)).toHaveLength(1);
  });

  it("class=audience answers only audiences (booleans)", async () => {
    const body = await traitsOf("?class=audience&limit=200");
    expect(Object.keys(body.traits)).toHaveLength(countsOf("users", SEED_IDS.ada.userId, ANCHOR).audiences);
    expect(body.traits).toHaveProperty("high_value_customers", true);
    for (const v of Object.values(body.traits)) expect(typeof v).toBe("boolean");
  });

  it("class=computed_trait answers only computed traits", async () => {
    const body = await traitsOf("?class=computed_trait&limit=200");
    expect(Object.keys(body.traits)).toHaveLength(countsOf("users", SEED_IDS.ada.userId, ANCHOR).computedTraits);
    expect(body.traits).toHaveProperty("lifetime_value");
    expect(body.traits).not.toHaveProperty("first_name");
  });

  it("class=other → 400 naming class", async () => {
    const res = await get(users(ada, "traits", "?class=trait"));
    expect(res.status).toBe(400);
    expect((res.body as ErrorAnswer).error.message).toContain("`class`");
  });

  it("include answers only the listed keys (audience lookup as in the FAQ)", async () => {
    const body = await traitsOf("?include=first_name,high_value_customers,not_a_trait");
    expect(body.traits).toEqual({ first_name: "Ada", high_value_customers: true });
    expect(body.cursor.has_more).toBe(false);
  });

  it("verbose=true wraps each value as {value, source_id, updated_at}", async () => {
    const body = await traitsOf("?verbose=true&include=address,first_name");
    const address = body.traits.address as { value: { geo: { lat: number } }; source_id: string; updated_at: string };
    expect(address.value.geo.lat).toBe(51.5074);
    expect(Object.keys(body.traits.first_name as object).sort()).toEqual(["source_id", "updated_at", "value"]);
    expect(Number.isNaN(Date.parse(address.updated_at))).toBe(false);
  });

  it("multi-source: verbose traits come from more than one source", async () => {
    const body = await traitsOf("?verbose=true&limit=200");
    const sources = new Set(Object.values(body.traits).map((t) => (t as { source_id: string }).source_id));
    expect(sources.size).toBeGreaterThan(2);
  });

  it("verbose=maybe → 400 naming verbose", async () => {
    expect(((await get(users(ada, "traits", "?verbose=maybe"))).body as ErrorAnswer).error.message).toContain(
      "`verbose`",
    );
  });

  it("pages through next to the end with no duplicates and nothing missed", async () => {
    const seen: string[] = [];
    let query = "?limit=7";
    for (let page = 0; page < 50; page++) {
      const body = await traitsOf(query);
      seen.push(...Object.keys(body.traits));
      if (!body.cursor.has_more) break;
      query = `?limit=7&next=${encodeURIComponent(body.cursor.next)}`;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(countsOf("users", SEED_IDS.ada.userId, ANCHOR).traits);
  });

  it("cursor.url is an absolute simulator URL for the next page", async () => {
    const body = await traitsOf("?limit=3");
    const url = new URL(body.cursor.url);
    expect(url.protocol).toBe("http:");
    expect(url.searchParams.get("next")).toBe(body.cursor.next);
    expect(url.searchParams.get("limit")).toBe("3");
  });

  it("account traits carry firmographics, computed traits and audiences", async () => {
    const body = (await get(accounts(enc(SEED_IDS.acme.groupId), "traits", "?limit=200"))).body as TraitsBody;
    expect(body.traits).toMatchObject({ name: "Acme Corp" });
    for (const key of ["plan", "industry", "employees", "mrr", "arr"]) expect(body.traits).toHaveProperty(key);
    const audiences = (await get(accounts(enc(SEED_IDS.acme.groupId), "traits", "?class=audience"))).body as TraitsBody;
    expect(Object.keys(audiences.traits).length).toBeGreaterThan(0);
  });

  it("the quiet user has traits", async () => {
    expect(
      Object.keys(((await get(users(SEED_IDS.quiet.userId, "traits"))).body as TraitsBody).traits).length,
    ).toBeGreaterThan(3);
  });

  it("docs sample: user_id:1413639574 answers the Quickstart payload", async () => {
    const body = (await get(users(SEED_IDS.docs.traitsUser, "traits"))).body as TraitsBody;
    expect(Object.keys(body.traits)).toEqual(SEED_FACTS.docsTraitsFirstPage);
    expect(body.traits).toMatchObject({
      "Campaign Name": "Organic",
      "Referrering Domain": "http://duckduckgo.com",
      big_spender: false,
    });
    expect(body.cursor).toMatchObject({ has_more: true, next: "browser", limit: 10 });
    const anon = (await get(users(SEED_IDS.docs.anonymousUser, "traits"))).body as TraitsBody;
    expect(anon.traits).toEqual(body.traits);
  });
});
