import { describe, expect, it } from "vitest";
import {
  profileApiEventsSchema,
  profileApiExternalIdsSchema,
  profileApiLinksSchema,
  profileApiMetadataResponseSchema,
  profileApiTraitsSchema,
  profileApiVerboseTraitsSchema,
} from "./schemas";

/** Shapes from the Profile API documentation (seed 000) and its OpenAPI description (seed 003), and the ways an answer can be wrong. */
describe("upstream schemas", () => {
  it("accept the documented samples, keep unknown fields, read null optional strings as absent", () => {
    const traits = profileApiTraitsSchema.parse({
      traits: { "Campaign Name": "x", big_spender: true, n: 3, nested: { a: [1] } },
      cursor: { url: "https://profiles.segment.com/v1/…", has_more: true, next: "browser", limit: 10 },
      extra: 1,
    });
    expect(traits.cursor).toMatchObject({ has_more: true, next: "browser", limit: 10 });
    expect(traits).toHaveProperty("extra", 1);

    const ids = profileApiExternalIdsSchema.parse({
      data: [
        {
          id: "1d1c",
          type: "cross_domain_id",
          source_id: null,
          created_at: "2017-11-30T06:05:01.40468Z",
          encoding: "none",
        },
      ],
      cursor: { url: "/v1/…", has_more: false, next: "" },
    });
    expect(ids.data[0]?.source_id).toBeUndefined();

    const events = profileApiEventsSchema.parse({
      data: [
        {
          type: "track",
          event: "Docs",
          timestamp: "2018-01-05T00:16:35.663Z",
          properties: { name: "Docs" },
          unknown_field: 1,
        },
      ],
    });
    expect(events.data[0]).toHaveProperty("unknown_field", 1);

    const metadata = profileApiMetadataResponseSchema.parse({
      metadata: { created_at: "2017-10-23T00:22:42.78Z", expires_at: null },
    });
    expect(metadata.metadata.expires_at).toBeNull();

    const links = profileApiLinksSchema.parse({
      data: [
        { to_collection: "accounts", external_ids: [{ id: "ADGCJE3Y8H", type: "group_id", collection: "accounts" }] },
      ],
    });
    expect(links.data[0]?.to_collection).toBe("accounts");

    const verbose = profileApiVerboseTraitsSchema.parse({
      traits: { plan: { value: "pro", source_id: "s1", updated_at: "2020-01-01T00:00:00Z" } },
    });
    expect(verbose.traits.plan?.value).toBe("pro");
  });

  it("accept seed 003's shapes and normalise them into the app's types", () => {
    expect(profileApiTraitsSchema.parse({ cursor: { limit: -3 } })).toEqual({
      traits: {},
      cursor: { has_more: false },
    });
    expect(profileApiTraitsSchema.parse({ traits: {}, cursor: { next: "n1" } }).cursor).toEqual({
      has_more: true,
      next: "n1",
    });
    expect(
      profileApiVerboseTraitsSchema.parse({
        traits: { plan: "pro", odd: { value: 1, source_id: 5 }, v: { value: 2, source_id: "s" } },
      }).traits,
    ).toEqual({
      plan: { value: "pro" },
      odd: { value: { value: 1, source_id: 5 } },
      v: { value: 2, source_id: "s" },
    });
    expect(profileApiExternalIdsSchema.parse({}).data).toEqual([]);
    expect(
      profileApiExternalIdsSchema.parse({ data: [{ id: "x" }, { type: "email" }, { id: "a@b.c", type: "email" }] })
        .data,
    ).toEqual([{ id: "a@b.c", type: "email" }]);
    expect(
      profileApiEventsSchema.parse({
        data: [
          { type: "alias", timestamp: "2024-12-08T20:04:32Z", messageId: "m1" },
          { timestamp: "2024-12-08T20:04:33Z" },
          { type: "track" },
        ],
      }).data,
    ).toEqual([
      { type: "alias", timestamp: "2024-12-08T20:04:32Z", message_id: "m1" },
      { type: "unknown", timestamp: "2024-12-08T20:04:33Z" },
    ]);
    expect(profileApiMetadataResponseSchema.parse({ segment_id: "sg1", created_at: "2017-10-23T00:22:42Z" })).toEqual({
      metadata: { segment_id: "sg1", created_at: "2017-10-23T00:22:42Z" },
    });
    expect(profileApiMetadataResponseSchema.parse({})).toEqual({ metadata: {} });
    expect(profileApiLinksSchema.parse({ data: [{ to_collection: "accounts" }, { external_ids: [] }] }).data).toEqual([
      { to_collection: "accounts", external_ids: [] },
    ]);
  });

  it.each([
    ["traits not an object", profileApiTraitsSchema, { traits: ["a"] }],
    ["cursor.has_more not a boolean", profileApiTraitsSchema, { traits: {}, cursor: { has_more: "false" } }],
    ["cursor.limit not an integer", profileApiTraitsSchema, { traits: {}, cursor: { limit: 1.5 } }],
    ["cursor null", profileApiTraitsSchema, { traits: {}, cursor: null }],
    ["verbose traits an array", profileApiVerboseTraitsSchema, { traits: [{ value: 1 }] }],
    ["data not an array", profileApiExternalIdsSchema, { data: {} }],
    ["external id id a number", profileApiExternalIdsSchema, { data: [{ id: 5, type: "user_id" }] }],
    ["event timestamp a number", profileApiEventsSchema, { data: [{ type: "track", timestamp: 1515111395663 }] }],
    ["event type a number", profileApiEventsSchema, { data: [{ type: 1, timestamp: "2018-01-05T00:16:35Z" }] }],
    ["event data entry not an object", profileApiEventsSchema, { data: ["track"] }],
    [
      "event properties an array",
      profileApiEventsSchema,
      { data: [{ type: "track", timestamp: "2018-01-05T00:16:35Z", properties: [] }] },
    ],
    ["metadata not an object", profileApiMetadataResponseSchema, { metadata: "x" }],
    ["metadata null", profileApiMetadataResponseSchema, { metadata: null }],
    ["metadata created_at a number", profileApiMetadataResponseSchema, { metadata: { created_at: 5 } }],
    ["top-level metadata created_at a number", profileApiMetadataResponseSchema, { created_at: 5 }],
    ["metadata body an array", profileApiMetadataResponseSchema, [{ created_at: "2017-10-23T00:22:42Z" }]],
    [
      "link external_ids not an array",
      profileApiLinksSchema,
      { data: [{ to_collection: "accounts", external_ids: {} }] },
    ],
    ["link to_collection a number", profileApiLinksSchema, { data: [{ to_collection: 1 }] }],
  ])("reject %s", (_name, schema, body) => {
    expect(schema.safeParse(body).success).toBe(false);
  });
});
