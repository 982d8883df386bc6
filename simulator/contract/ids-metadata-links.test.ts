import { describe, expect, it } from "vitest";
import { countsOf, SEED_FACTS } from "../seed-facts";
import { SEED_IDS } from "../seed-ids";
import { accounts, ANCHOR, enc, users, withSimulator, type Cursor, type ErrorAnswer } from "./harness";

const { get } = withSimulator();
type ExternalId = {
  id: string;
  type: string;
  source_id: string;
  collection: string;
  created_at: string;
  encoding: string;
  first_message_id?: string;
};
type IdsBody = { data: ExternalId[]; cursor: Cursor };
type LinksBody = { data: { to_collection: string; external_ids: ExternalId[] }[]; cursor: Cursor };
const ada = enc(SEED_IDS.ada.userId);

describe("external_ids", () => {
  it("answers every id of ada (default limit 25) with the documented fields", async () => {
    const body = (await get(users(ada, "external_ids"))).body as IdsBody;
    expect(body.data).toHaveLength(countsOf("users", SEED_IDS.ada.userId, ANCHOR).externalIds);
    expect(Object.keys(body.data[0]!).sort()).toEqual([
      "collection",
      "created_at",
      "encoding",
      "first_message_id",
      "id",
      "source_id",
      "type",
    ]);
    const types = new Set(body.data.map((d) => d.type));
    for (const t of ["user_id", "email", "phone", "anonymous_id", "ios.idfa", "android.id", "cross_domain_id"])
      expect(types).toContain(t);
    expect(body.data.find((d) => d.type === "phone")?.id).toBe("+15550100001");
  });

  it("include keeps only the listed types", async () => {
    const body = (await get(users(ada, "external_ids", "?include=anonymous_id,email"))).body as IdsBody;
    expect(new Set(body.data.map((d) => d.type))).toEqual(new Set(["anonymous_id", "email"]));
  });

  it("limit and next page through without duplicates", async () => {
    const seen: string[] = [];
    let query = "?limit=2";
    for (let page = 0; page < 20; page++) {
      const body = (await get(users(ada, "external_ids", query))).body as IdsBody;
      seen.push(...body.data.map((d) => `${d.type}:${d.id}`));
      if (!body.cursor.has_more) break;
      query = `?limit=2&next=${encodeURIComponent(body.cursor.next)}`;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(countsOf("users", SEED_IDS.ada.userId, ANCHOR).externalIds);
  });

  it.each(["0", "101"])("limit=%s → 400 naming limit", async (limit) => {
    const res = await get(users(ada, "external_ids", `?limit=${limit}`));
    expect((res.body as ErrorAnswer).error.message).toContain("`limit`");
  });

  it("verbose=true is accepted", async () => {
    expect((await get(users(ada, "external_ids", "?verbose=true"))).status).toBe(200);
  });

  it("a forged next → 400", async () => {
    expect((await get(users(ada, "external_ids", "?next=map_nope"))).status).toBe(400);
  });

  it("docs sample: cross_domain_id user, limit=1 → the documented record and next", async () => {
    const body = (await get(users(SEED_IDS.docs.crossDomainUser, "external_ids", "?limit=1"))).body as IdsBody;
    expect(body.data).toEqual([
      {
        source_id: "GFu4AJc2bE",
        collection: "users",
        id: "1d1cd931-bc7d-4e39-a1a7-61563296fb15",
        type: "cross_domain_id",
        created_at: "2017-11-30T06:05:01.40468Z",
        encoding: "none",
        first_message_id: "ajs-0af8675aa114c759210a76b2baea0a03-clean",
      },
    ]);
    expect(body.cursor).toMatchObject({ has_more: true, next: "map_0vKouKs2XyirgwMO4SmnDGaps7j" });
  });

  it("accounts answer their group_id", async () => {
    const body = (await get(accounts(enc(SEED_IDS.acme.groupId), "external_ids"))).body as IdsBody;
    expect(body.data[0]).toMatchObject({ type: "group_id", id: "acct_acme", collection: "accounts" });
  });
});

describe("metadata", () => {
  it("answers the documented fields", async () => {
    const body = (await get(users(ada, "metadata"))).body as { metadata: Record<string, unknown> };
    expect(Object.keys(body.metadata).sort()).toEqual([
      "created_at",
      "expires_at",
      "first_message_id",
      "first_source_id",
      "last_message_id",
      "last_source_id",
      "updated_at",
    ]);
    expect(body.metadata.expires_at).toBeNull();
  });

  it("verbose=true is accepted; verbose=yes → 400", async () => {
    expect((await get(users(ada, "metadata", "?verbose=true"))).status).toBe(200);
    expect((await get(users(ada, "metadata", "?verbose=yes"))).status).toBe(400);
  });

  it("docs sample: user_id:c0HN02fNe1 answers the documented metadata", async () => {
    expect((await get(users(SEED_IDS.docs.eventsUser, "metadata"))).body).toEqual({
      metadata: {
        created_at: "2017-10-23T00:22:42.78Z",
        updated_at: "2018-01-05T00:16:36.919Z",
        expires_at: null,
        first_message_id: "ajs-32ed8dea3980c0c92ed2b8c9c8c5dfb5-clean",
        first_source_id: "GFu4AJc2bE",
        last_message_id: "ajs-1a6064a677b3c16a01b8055c18f16e0b-clean",
        last_source_id: "CRx5M9uk2p",
      },
    });
  });
});

describe("links", () => {
  it("users → accounts: ada belongs to acme, globex and initech", async () => {
    const body = (await get(users(ada, "links"))).body as LinksBody;
    expect(body.data.every((l) => l.to_collection === "accounts")).toBe(true);
    expect(body.data.map((l) => l.external_ids[0]?.id).sort()).toEqual([...SEED_FACTS.adaAccounts].sort());
  });

  it("accounts → users: acme has at least 5 users, ada among them", async () => {
    const body = (await get(accounts(enc(SEED_IDS.acme.groupId), "links"))).body as LinksBody;
    expect(body.data.length).toBeGreaterThanOrEqual(SEED_FACTS.acmeMinUsers);
    expect(body.data.every((l) => l.to_collection === "users")).toBe(true);
    expect(body.data.some((l) => l.external_ids.some((id) => id.type === "user_id" && id.id === "u_ada"))).toBe(true);
  });

  it("answers at most 20 (the default); globex pages on with next", async () => {
    const first = (await get(accounts("group_id:acct_globex", "links"))).body as LinksBody;
    expect(first.data).toHaveLength(20);
    expect(first.cursor.has_more).toBe(true);
    const second = (
      await get(accounts("group_id:acct_globex", "links", `?next=${encodeURIComponent(first.cursor.next)}`))
    ).body as LinksBody;
    expect(second.data).toHaveLength(SEED_FACTS.globexUsers - 20);
    expect(second.cursor.has_more).toBe(false);
  });

  it.each(["0", "21"])("limit=%s → 400 naming limit", async (limit) => {
    const res = await get(users(ada, "links", `?limit=${limit}`));
    expect(res.status).toBe(400);
    expect((res.body as ErrorAnswer).error.message).toContain("`limit`");
  });

  it("accounts → users honours limit too", async () => {
    const body = (await get(accounts("group_id:acct_globex", "links", "?limit=5"))).body as LinksBody;
    expect(body.data).toHaveLength(5);
    expect((await get(accounts("group_id:acct_globex", "links", "?limit=21"))).status).toBe(400);
  });

  it("limit=1 answers one link", async () => {
    expect(((await get(users(ada, "links", "?limit=1"))).body as LinksBody).data).toHaveLength(1);
  });

  it("docs sample: user_id:c0HN02fNe1 answers the documented links", async () => {
    const body = (await get(users(SEED_IDS.docs.eventsUser, "links"))).body as LinksBody;
    expect(body.data).toEqual([
      {
        to_collection: "accounts",
        external_ids: [
          {
            id: "ADGCJE3Y8H",
            type: "group_id",
            source_id: "DFAAJc2bE",
            collection: "accounts",
            created_at: "2018-10-06T03:43:26.63387Z",
            encoding: "none",
          },
        ],
      },
      {
        to_collection: "accounts",
        external_ids: [
          {
            id: "ghdctIwnA",
            type: "group_id",
            source_id: "DFAAJc2bE",
            collection: "accounts",
            created_at: "2018-10-07T06:22:47.406773Z",
            encoding: "none",
          },
        ],
      },
    ]);
    for (const id of SEED_IDS.docs.linkedAccounts) expect((await get(accounts(id, "traits"))).status).toBe(200);
    expect((await get(accounts(SEED_IDS.docs.account, "links"))).status).toBe(200);
  });
});
