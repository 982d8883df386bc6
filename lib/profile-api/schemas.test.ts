import { describe, expect, it } from "vitest";
import {
  profileApiEventsSchema,
  profileApiExternalIdsSchema,
  profileApiLinksSchema,
  profileApiMetadataResponseSchema,
  profileApiTraitsSchema,
  profileApiVerboseTraitsSchema,
} from "./schemas";

/** Shapes from the Profile API documentation (seeds 000/003), and the ways an answer can be wrong. */
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

  it.each([
    ["traits not an object", profileApiTraitsSchema, { traits: ["a"] }],
    ["traits missing", profileApiTraitsSchema, { cursor: { has_more: false } }],
    ["cursor.has_more not a boolean", profileApiTraitsSchema, { traits: {}, cursor: { has_more: "false" } }],
    ["verbose trait without value", profileApiVerboseTraitsSchema, { traits: { plan: "pro" } }],
    ["data not an array", profileApiExternalIdsSchema, { data: {} }],
    ["external id without type", profileApiExternalIdsSchema, { data: [{ id: "x" }] }],
    ["event timestamp a number", profileApiEventsSchema, { data: [{ type: "track", timestamp: 1515111395663 }] }],
    ["event without type", profileApiEventsSchema, { data: [{ timestamp: "2018-01-05T00:16:35Z" }] }],
    ["event data entry not an object", profileApiEventsSchema, { data: ["track"] }],
    ["metadata missing", profileApiMetadataResponseSchema, {}],
    ["metadata created_at a number", profileApiMetadataResponseSchema, { metadata: { created_at: 5 } }],
    ["link without external_ids", profileApiLinksSchema, { data: [{ to_collection: "accounts" }] }],
  ])("reject %s", (_name, schema, body) => {
    expect(schema.safeParse(body).success).toBe(false);
  });
});
