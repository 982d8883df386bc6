import { SOURCES } from "./catalog";
import { uuid, setDerivedTraits } from "./crowd";
import { generateJourney, type Actor } from "./events";
import { addExternalId, DAY_MS, newProfile, setTraits } from "./profile-builder";
import type { Rng } from "./rng";
import type { Profile } from "./types";

/** The hand-made profiles of simulator/seed-ids.ts (ada, heavy, quiet, weird); accounts are linked by the caller. */

type Ids = Partial<Record<"user_id" | "email" | "phone" | "ios.idfa" | "android.id" | "cross_domain_id", string>> & { anonymous_id?: string[] };

function identify(profile: Profile, rng: Rng, ids: Ids, createdMs: number): Actor {
  const at = (days: number) => new Date(createdMs + days * DAY_MS).toISOString();
  (ids.anonymous_id ?? []).forEach((a, i) => addExternalId(profile, rng, { type: "anonymous_id", id: a, source_id: SOURCES.web, created_at: at(i * 3) }));
  const order = ["user_id", "email", "phone", "ios.idfa", "android.id", "cross_domain_id"] as const;
  const source = { user_id: SOURCES.web, email: SOURCES.server, phone: SOURCES.crm, "ios.idfa": SOURCES.ios, "android.id": SOURCES.android, cross_domain_id: SOURCES.web };
  order.forEach((type, i) => {
    const id = ids[type];
    if (id) addExternalId(profile, rng, { type, id, source_id: source[type], created_at: at(1 + i * 5) });
  });
  const platforms: Actor["platforms"] = ["web"];
  if (ids["ios.idfa"]) platforms.push("ios");
  if (ids["android.id"]) platforms.push("android");
  return { profile, userId: ids.user_id, anonymousIds: ids.anonymous_id ?? [], email: ids.email, idfa: ids["ios.idfa"], androidId: ids["android.id"], platforms, ip: "198.51.100.23", groupIds: [] };
}

export function buildAda(rng: Rng, anchorMs: number, groupIds: string[]): Profile {
  const profile = newProfile("users", "use_2AdaLovelace1815OzGbX7mQ9k");
  const createdMs = anchorMs - 412 * DAY_MS;
  const actor = identify(profile, rng, {
    user_id: "u_ada", email: "ada@example.com", phone: "+15550100001", "ios.idfa": "6D92078A-8246-4BA4-AE5B-76104861E7DC",
    "android.id": "f3a1c9e27b5d4e10", cross_domain_id: "5b1e0c7a-9d2f-4c3b-8e6a-1f2d3c4b5a69", anonymous_id: ["anon_ada_web_1", "anon_ada_web_2", "anon_ada_web_3"],
  }, createdMs);
  actor.groupIds = groupIds;
  const web = { sources: [SOURCES.web], rng, newestMs: anchorMs - 2 * DAY_MS };
  const crm = { sources: [SOURCES.crm], rng, newestMs: anchorMs - 5 * DAY_MS };
  const server = { sources: [SOURCES.server], rng, newestMs: anchorMs - DAY_MS };
  setTraits(profile, "trait", { first_name: "Ada", nickname: "Countess", title: "Head of Analytics", company: { id: "acct_acme", name: "Acme Corp", role: "admin" }, birthday: "1815-12-10", website: "https://ada.example.com/about?ref=profile" }, crm);
  setTraits(profile, "trait", { last_name: "Lovelace", name: "Ada Lovelace", avatar: "https://i.pravatar.cc/150?u=ada", locale: "en-GB", timezone: "Europe/London", referrer: "https://news.ycombinator.com/item?id=1815", utm: { source: "newsletter", medium: "email", campaign: "spring_launch" } }, web);
  setTraits(profile, "trait", {
    email: "ada@example.com", phone: "+15550100001", plan: "business", created_at: new Date(createdMs).toISOString(), marketing_opt_in: true,
    address: { street: "12 St James's Square", city: "London", postal_code: "SW1Y 4JH", country: "GB", geo: { lat: 51.5074, lng: -0.1341 } },
    preferences: { newsletter: true, channels: ["email", "sms"], language: "en-GB", notifications: { orders: true, marketing: false } },
    tags: ["vip", "beta-tester", "analytics"], account_credit: "$1,250.00", mrr: "£299.00", last_order_total: { amount: 249.99, currency: "USD" },
    support_tier: "priority", nps_score: 9, seats: 12, trial_ends_at: null, last_login_at: new Date(anchorMs - 3 * 3_600_000).toISOString(),
  }, server);
  profile.events = generateJourney(actor, rng, { fromMs: anchorMs - 19 * DAY_MS, toMs: anchorMs, sessions: 24 });
  setDerivedTraits(profile, rng, anchorMs, 4200);
  setTraits(profile, "computed_trait", { avg_order_value: 187.42, predicted_churn_score: 0.12 }, { sources: [SOURCES.computed], rng, newestMs: anchorMs - 3_600_000 });
  setTraits(profile, "audience", { vip_support: true, trial_users: false, high_value_customers: true }, { sources: [SOURCES.computed], rng, newestMs: anchorMs - 3_600_000 });
  // Two sources disagreed on the first name; the later update wins (FAQ: last updated precedence).
  return profile;
}

export function buildHeavy(rng: Rng, anchorMs: number, minEventsInWindow: number): Profile {
  const profile = newProfile("users", "use_2HeavyUserThousandsEvtsQ7");
  const actor = identify(profile, rng, { user_id: "u_heavy", email: "heavy@example.com", "ios.idfa": uuid(rng).toUpperCase(), anonymous_id: [uuid(rng)] }, anchorMs - 200 * DAY_MS);
  setTraits(profile, "trait", { first_name: "Hank", last_name: "Heavy", name: "Hank Heavy", email: "heavy@example.com", plan: "enterprise" }, { sources: [SOURCES.web, SOURCES.server], rng, newestMs: anchorMs - DAY_MS });
  const inWindow = generateJourney(actor, rng, { fromMs: anchorMs - 14 * DAY_MS + 2 * 3_600_000, toMs: anchorMs, minEvents: minEventsInWindow });
  const older = generateJourney(actor, rng, { fromMs: anchorMs - 25 * DAY_MS, toMs: anchorMs - 15 * DAY_MS, sessions: 6 });
  profile.events = [...older, ...inWindow];
  setDerivedTraits(profile, rng, anchorMs, 9000);
  return profile;
}

export function buildQuiet(rng: Rng, anchorMs: number): Profile {
  const profile = newProfile("users", "use_2QuietUserNoEventsAtAllZ9");
  identify(profile, rng, { user_id: "u_quiet", email: "quiet@example.com", anonymous_id: [uuid(rng)] }, anchorMs - 90 * DAY_MS);
  setTraits(profile, "trait", { first_name: "Quinn", last_name: "Quiet", name: "Quinn Quiet", email: "quiet@example.com", plan: "free", marketing_opt_in: false }, { sources: [SOURCES.crm], rng, newestMs: anchorMs - 40 * DAY_MS });
  setTraits(profile, "computed_trait", { lifetime_value: 0, orders_last_30_days: 0, last_seen_at: new Date(anchorMs - 60 * DAY_MS).toISOString() }, { sources: [SOURCES.computed], rng, newestMs: anchorMs - 3_600_000 });
  setTraits(profile, "audience", { churn_risk: true, high_value_customers: false }, { sources: [SOURCES.computed], rng, newestMs: anchorMs - 3_600_000 });
  return profile;
}

export function buildWeird(rng: Rng, anchorMs: number, userId: string): Profile {
  const profile = newProfile("users", "use_2WeirdIdentifierEscapes8K");
  const actor = identify(profile, rng, { user_id: userId, email: "we.ird+tag@example.com", anonymous_id: [uuid(rng)] }, anchorMs - 30 * DAY_MS);
  setTraits(profile, "trait", { first_name: "Wanda", last_name: "Weird / ? # % + ü", name: "Wanda Weird", email: "we.ird+tag@example.com", "key with spaces": "value with spaces", "ключ": "значение" }, { sources: [SOURCES.web], rng, newestMs: anchorMs - DAY_MS });
  profile.events = generateJourney(actor, rng, { fromMs: anchorMs - 10 * DAY_MS, toMs: anchorMs, sessions: 3 });
  setDerivedTraits(profile, rng, anchorMs, 10);
  return profile;
}
