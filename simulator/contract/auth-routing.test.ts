import { describe, expect, it } from "vitest";
import { SEED_IDS } from "../seed-ids";
import { accounts, enc, users, withSimulator, type ErrorAnswer } from "./harness";

const { get } = withSimulator();
const RESOURCES = ["traits", "external_ids", "events", "metadata", "links"];
const basic = (userPass: string) => ({
  headers: { authorization: `Basic ${Buffer.from(userPass).toString("base64")}` },
});

describe("routes", () => {
  it.each(RESOURCES)("users/%s answers 200 JSON for a seeded user", async (resource) => {
    const res = await get(users(enc(SEED_IDS.ada.userId), resource));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it.each(RESOURCES)("accounts/%s answers 200 JSON for a seeded account", async (resource) => {
    const res = await get(accounts(enc(SEED_IDS.acme.groupId), resource));
    expect(res.status).toBe(200);
  });

  it("an unknown route is 404", async () => {
    const res = await get(users(enc(SEED_IDS.ada.userId), "friends"));
    expect(res.status).toBe(404);
    expect((res.body as ErrorAnswer).error.code).toBe("not_found");
  });

  it("only GET is allowed: POST is 405 with Allow: GET", async () => {
    const res = await get(users(enc(SEED_IDS.ada.userId), "traits"), { method: "POST" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
  });

  it("unknown query parameters are ignored", async () => {
    const res = await get(users(enc(SEED_IDS.ada.userId), "traits", "?foo=1&bar=baz"));
    expect(res.status).toBe(200);
  });
});

describe("authentication (Basic, token as username, empty password)", () => {
  const path = users(enc(SEED_IDS.ada.userId), "metadata");
  it("missing Authorization → 401 authentication_error", async () => {
    const res = await get(path, { headers: { authorization: "none" } });
    expect(res.status).toBe(401);
    expect((res.body as ErrorAnswer).error.code).toBe("authentication_error");
  });
  it("wrong token → 401", async () => {
    expect((await get(path, basic("not-the-token:"))).status).toBe(401);
  });
  it("Bearer scheme → 401", async () => {
    expect((await get(path, { headers: { authorization: "Bearer sim-token" } })).status).toBe(401);
  });
  it("right token with empty password → 200", async () => {
    expect((await get(path, basic("sim-token:"))).status).toBe(200);
  });
});

describe("space, collection and identifier", () => {
  it("unknown space → 404", async () => {
    const res = await get(`/v1/spaces/spa_other/collections/users/profiles/${enc(SEED_IDS.ada.userId)}/traits`);
    expect(res.status).toBe(404);
  });

  it("invalid collection characters → 400 validation_error naming them", async () => {
    const res = await get(`/v1/spaces/spa_demo/collections/us!ers/profiles/${enc(SEED_IDS.ada.userId)}/traits`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: "validation_error", message: "The parameter `collection` has invalid character(s) `!`" },
    });
  });

  it("unknown profile → 404 with the documented body", async () => {
    const res = await get(users("user_id:nobody_here", "traits"));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: "not_found", message: "Profile was not found." } });
  });

  it("identifiers are case-sensitive", async () => {
    expect((await get(users("user_id:U_ADA", "traits"))).status).toBe(404);
  });

  it("phone with %2B is found; a literal + reads as a space and is not", async () => {
    expect((await get(users("phone:%2B15550100001", "traits"))).status).toBe(200);
    expect((await get(users("phone:+15550100001", "traits"))).status).toBe(404);
  });

  it.each(Object.entries(SEED_IDS.ada))("ada's %s resolves to the same profile", async (_kind, id) => {
    const res = await get(users(enc(id), "metadata"));
    const reference = await get(users(enc(SEED_IDS.ada.userId), "metadata"));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(reference.body);
  });

  it("the weird user_id is found when every character is escaped", async () => {
    const res = await get(users(enc(SEED_IDS.weird.userId), "traits"));
    expect(res.status).toBe(200);
  });

  it.each([
    ["/ unescaped adds a path segment", "user_id:we/ird%3F%23%25%2B%20..%C3%BC", 404],
    ["? unescaped starts the query", "user_id:we%2Fird?%23%25%2B%20..%C3%BC", 404],
    ["# unescaped is a fragment (never sent)", "user_id:we%2Fird%3F#%25%2B%20..%C3%BC", 404],
    ["+ unescaped reads as a space", "user_id:we%2Fird%3F%23%25+%20..%C3%BC", 404],
    ["% unescaped is a malformed escape", "user_id:we%2Fird%3F%23%%2B%20..%C3%BC", 400],
    ["a space sent as + still reads as a space", "user_id:we%2Fird%3F%23%25%2B+..%C3%BC", 200],
    [
      "double-encoded value is not decoded twice",
      `user_id:${encodeURIComponent(encodeURIComponent("we/ird?#%+ ..ü"))}`,
      404,
    ],
    ["unicode as raw NFD is a different value", `user_id:${encodeURIComponent("we/ird?#%+ ..u\u0308")}`, 404],
  ])("weird: %s → %s", async (_name, id, status) => {
    expect((await get(users(id, "traits"))).status).toBe(status);
  });

  it("a malformed escape → 400 invalid_request_error", async () => {
    const res = await get(users("user_id:%zz", "traits"));
    expect(res.status).toBe(400);
    expect((res.body as ErrorAnswer).error.code).toBe("invalid_request_error");
  });
});

describe("Request-Id", () => {
  it("is on every response, success and errors, in the docs' format and unique", async () => {
    const answers = await Promise.all([
      get(users(enc(SEED_IDS.ada.userId), "traits")),
      get(users("user_id:nobody", "traits")),
      get(users(enc(SEED_IDS.ada.userId), "traits"), { headers: { authorization: "none" } }),
      get(users(enc(SEED_IDS.ada.userId), "traits", "?limit=0")),
      get("/nothing/here"),
    ]);
    const ids = answers.map((a) => a.headers.get("request-id"));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of answers) expect(a.headers.get("content-type")).toMatch(/^application\/json/);
  });
});
