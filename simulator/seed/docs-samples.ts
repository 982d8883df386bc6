import { SOURCES } from "./catalog";
import type { Actor } from "./events";
import { generateJourney } from "./journey";
import { addExternalId, DAY_MS, newProfile } from "./profile-builder";
import type { Rng } from "./rng";
import type { JsonObject, JsonValue, Profile, SeedTrait, TraitClass } from "./types";

/**
 * The documentation's own sample payloads (seeds/000), answered for the identifiers they use.
 * Values are verbatim except event timestamps, which are moved into the 14-day window.
 */

function trait(value: JsonValue, cls: TraitClass, updated = "2018-01-05T00:16:36.919Z"): SeedTrait {
  return { value, class: cls, source_id: "GFu4AJc2bE", updated_at: updated };
}

/** GET …/profiles/user_id:1413639574/traits answers the Quickstart sample: 8 traits, limit 10, next "browser". */
export function buildDocsTraitsUser(rng: Rng): Profile {
  const p = newProfile("users", "use_1413639574DocsTraitsUsrA1");
  addExternalId(p, rng, {
    type: "user_id",
    id: "1413639574",
    source_id: "GFu4AJc2bE",
    created_at: "2017-09-14T18:20:11.1Z",
  });
  addExternalId(p, rng, {
    type: "anonymous_id",
    id: "eml_3bca54b7fe7491add4c8d5d4d9bf6b3e085c6092",
    source_id: "GFu4AJc2bE",
    created_at: "2017-09-14T18:20:10.9Z",
  });
  addExternalId(p, rng, {
    type: "email",
    id: "docs.sample@example.com",
    source_id: "GFu4AJc2bE",
    created_at: "2017-09-14T18:20:11.2Z",
  });
  p.traits = {
    "3_product_views_in_last_60_days": trait(false, "audience"),
    "Campaign Name": trait("Organic", "trait"),
    "Campaign Source": trait("Organic", "trait"),
    // Consent preferences occupy a page slot but are never answered, which is why the sample's first page of 10 shows 8 traits.
    "Cookie Consent": trait({ analytics: true, advertising: false }, "consent"),
    "Experiment Group": trait("Group A", "trait"),
    "Invited User?": trait("Invited User?", "trait"),
    "Referrering Domain": trait("http://duckduckgo.com", "trait"),
    ads_consent: trait(false, "consent"),
    all_users_order_completed: trait(true, "audience"),
    big_spender: trait(false, "audience"),
    browser: trait("Chrome", "trait"),
    city: trait("Portland", "trait"),
    email: trait("docs.sample@example.com", "trait"),
    emails_opened_last_30_days: trait(33, "computed_trait"),
    first_name: trait("Bob", "trait"),
    lifetime_value: trait(312.4, "computed_trait"),
    orders_last_30_days: trait(2, "computed_trait"),
  };
  return p;
}

const SAMPLE_EVENT: JsonObject = {
  external_ids: [
    { collection: "users", type: "user_id", id: "c0HN02fNe1", encoding: "none" },
    { collection: "users", type: "cross_domain_id", id: "1d1cd931-bc7d-4e39-a1a7-61563296fb15", encoding: "none" },
  ],
  context: {
    ip: "73.92.233.78",
    library: { name: "analytics.js", version: "3.2.5" },
    page: {
      path: "/docs/connections/spec/ecommerce/v2/",
      referrer: "https://www.google.com/",
      search: "",
      title: "Spec: V2 Ecommerce Events Documentation - Segment",
      url: "https://twilio.com/docs/segment/connections/spec/ecommerce/v2/",
    },
    traits: { crossDomainId: "1d1cd931-bc7d-4e39-a1a7-61563296fb15" },
    userAgent:
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_2) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/63.0.3239.84 Safari/537.36",
  },
  type: "track",
  message_id: "ajs-1a6064a677b3c16a01b8055c18f16e0b-clean",
  source_id: "CRx5M9uk2p",
  timestamp: "2018-01-05T00:16:35.663Z",
  properties: {
    name: "Docs",
    page_name: "Docs",
    path: "/docs/connections/spec/ecommerce/v2/",
    referrer: "https://www.google.com/",
    search: "",
    section: "Spec",
    title: "Spec: V2 Ecommerce Events Documentation - Segment",
    topic: "Spec: V2 Ecommerce Events",
    url: "https://twilio.com/docs/segment/connections/spec/ecommerce/v2/",
  },
  event: "Page Viewed",
  related: { users: "use_RkjG0kW53igMijEISMH0vKBF4sL" },
};

/** user_id:c0HN02fNe1 / cross_domain_id:1d1cd931-…: the external_ids, events and metadata samples. */
export function buildDocsEventsUser(rng: Rng, anchorMs: number): Profile {
  const p = newProfile("users", "use_RkjG0kW53igMijEISMH0vKBF4sL");
  addExternalId(p, rng, {
    type: "user_id",
    id: "c0HN02fNe1",
    source_id: "GFu4AJc2bE",
    created_at: "2017-10-23T00:22:42.78Z",
    first_message_id: "ajs-32ed8dea3980c0c92ed2b8c9c8c5dfb5-clean",
    map_id: "map_0vKouKs2XyirgwMO4SmnDGaps7j",
  });
  addExternalId(p, rng, {
    type: "cross_domain_id",
    id: "1d1cd931-bc7d-4e39-a1a7-61563296fb15",
    source_id: "GFu4AJc2bE",
    created_at: "2017-11-30T06:05:01.40468Z",
    first_message_id: "ajs-0af8675aa114c759210a76b2baea0a03-clean",
  });
  p.traits = { first_name: trait("Bob", "trait"), emails_opened_last_30_days: trait(33, "computed_trait") };
  const actor: Actor = {
    profile: p,
    userId: "c0HN02fNe1",
    anonymousIds: [],
    platforms: ["web"],
    ip: "73.92.233.78",
    groupIds: [],
  };
  const others = generateJourney(actor, rng, {
    fromMs: anchorMs - 12 * DAY_MS,
    toMs: anchorMs - 4 * 3_600_000,
    sessions: 4,
  });
  const sampleMs = anchorMs - 2 * 3_600_000;
  const sample = { ...SAMPLE_EVENT, timestamp: new Date(sampleMs).toISOString() };
  p.events = [
    ...others,
    { ms: sampleMs, message_id: "ajs-1a6064a677b3c16a01b8055c18f16e0b-clean", event: "Page Viewed", body: sample },
  ];
  p.metadata = {
    created_at: "2017-10-23T00:22:42.78Z",
    updated_at: "2018-01-05T00:16:36.919Z",
    expires_at: null,
    first_message_id: "ajs-32ed8dea3980c0c92ed2b8c9c8c5dfb5-clean",
    first_source_id: "GFu4AJc2bE",
    last_message_id: "ajs-1a6064a677b3c16a01b8055c18f16e0b-clean",
    last_source_id: "CRx5M9uk2p",
  };
  return p;
}

/** The two accounts of the links sample, with the sample's source and creation times. */
export function buildDocsLinkedAccounts(rng: Rng): Profile[] {
  return [
    ["ADGCJE3Y8H", "2018-10-06T03:43:26.63387Z", "Sample Account A"],
    ["ghdctIwnA", "2018-10-07T06:22:47.406773Z", "Sample Account B"],
  ].map(([id, createdAt, name]) => {
    const p = newProfile("accounts", `acc_${rng.base62(27)}`);
    addExternalId(p, rng, { type: "group_id", id: String(id), source_id: "DFAAJc2bE", created_at: String(createdAt) });
    p.traits = { name: trait(String(name), "trait"), plan: trait("business", "trait") };
    return p;
  });
}

/** group_id:12345, the account of the docs' account examples. */
export function buildDocsAccount(rng: Rng): Profile {
  const p = newProfile("accounts", "acc_12345DocsSampleAccount0001");
  addExternalId(p, rng, {
    type: "group_id",
    id: "12345",
    source_id: SOURCES.server,
    created_at: "2018-03-01T12:00:00.000Z",
  });
  p.traits = {
    name: trait("Example Co", "trait"),
    industry: trait("SaaS", "trait"),
    employees: trait(120, "trait"),
    plan: trait("business", "trait"),
    active_users_last_30_days: trait(17, "computed_trait"),
    enterprise_accounts: trait(false, "audience"),
  };
  return p;
}
