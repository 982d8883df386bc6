import { SOURCES } from "./catalog";
import { setDerivedTraits } from "./crowd";
import { makeEvent } from "./events";
import { identify } from "./featured";
import { generateJourney } from "./journey";
import { DAY_MS, newProfile, setTraits } from "./profile-builder";
import type { Rng } from "./rng";
import type { Profile } from "./types";

/** SEED_IDS.ada: the well-rounded customer every demo starts with. */
export function buildAda(rng: Rng, anchorMs: number, groupIds: string[]): Profile {
  const profile = newProfile("users", "use_2AdaLovelace1815OzGbX7mQ9k");
  const createdMs = anchorMs - 412 * DAY_MS;
  const actor = identify(
    profile,
    rng,
    {
      user_id: "u_ada",
      email: "ada@example.com",
      phone: "+15550100001",
      "ios.idfa": "6D92078A-8246-4BA4-AE5B-76104861E7DC",
      "android.id": "f3a1c9e27b5d4e10",
      cross_domain_id: "5b1e0c7a-9d2f-4c3b-8e6a-1f2d3c4b5a69",
      anonymous_id: ["anon_ada_web_1", "anon_ada_web_2", "anon_ada_web_3"],
    },
    createdMs,
  );
  actor.groupIds = groupIds;
  const web = { sources: [SOURCES.web], rng, newestMs: anchorMs - 2 * DAY_MS };
  const crm = { sources: [SOURCES.crm], rng, newestMs: anchorMs - 5 * DAY_MS };
  const server = { sources: [SOURCES.server], rng, newestMs: anchorMs - DAY_MS };
  setTraits(
    profile,
    "trait",
    {
      first_name: "Ada",
      nickname: "Countess",
      title: "Head of Analytics",
      company: { id: "acct_acme", name: "Acme Corp", role: "admin" },
      birthday: "1815-12-10",
      website: "https://ada.example.com/about?ref=profile",
    },
    crm,
  );
  setTraits(
    profile,
    "trait",
    {
      last_name: "Lovelace",
      name: "Ada Lovelace",
      avatar: "https://i.pravatar.cc/150?u=ada",
      locale: "en-GB",
      timezone: "Europe/London",
      referrer: "https://news.ycombinator.com/item?id=1815",
      utm: { source: "newsletter", medium: "email", campaign: "spring_launch" },
    },
    web,
  );
  setTraits(
    profile,
    "trait",
    {
      email: "ada@example.com",
      phone: "+15550100001",
      plan: "business",
      created_at: new Date(createdMs).toISOString(),
      marketing_opt_in: true,
      address: {
        street: "12 St James's Square",
        city: "London",
        postal_code: "SW1Y 4JH",
        country: "GB",
        geo: { lat: 51.5074, lng: -0.1341 },
      },
      preferences: {
        newsletter: true,
        channels: ["email", "sms"],
        language: "en-GB",
        notifications: { orders: true, marketing: false },
      },
      tags: ["vip", "beta-tester", "analytics"],
      account_credit: "$1,250.00",
      mrr: "£299.00",
      last_order_total: { amount: 249.99, currency: "USD" },
      support_tier: "priority",
      nps_score: 9,
      seats: 12,
      trial_ends_at: null,
      last_login_at: new Date(anchorMs - 3 * 3_600_000).toISOString(),
    },
    server,
  );
  profile.events = generateJourney(actor, rng, { fromMs: anchorMs - 19 * DAY_MS, toMs: anchorMs, sessions: 24 });
  // Every event type shows up in ada's window, whatever the draws: an identify after a profile edit and a rare alias.
  profile.events.push(
    makeEvent(actor, rng, {
      type: "identify",
      event: "Identify",
      ms: anchorMs - 2 * DAY_MS,
      platform: "web",
      traits: { first_name: "Ada", last_name: "Lovelace", email: "ada@example.com", plan: "business" },
    }),
    makeEvent(actor, rng, {
      type: "alias",
      event: "Alias",
      ms: anchorMs - 9 * DAY_MS,
      platform: "web",
      properties: { previous_id: "anon_ada_web_3" },
    }),
    // What an agent opening Ada's ticket should see first: a card declined minutes ago, and the ticket it caused.
    makeEvent(actor, rng, {
      type: "track",
      event: "Payment Failed",
      ms: anchorMs - 35 * 60_000,
      platform: "web",
      properties: { amount: 299, currency: "USD", reason: "card_declined" },
    }),
    makeEvent(actor, rng, {
      type: "track",
      event: "Support Ticket Opened",
      ms: anchorMs - 20 * 60_000,
      platform: "web",
      properties: { ticket_id: "ZD-18150", subject: "Billing question", priority: "high" },
    }),
  );
  setDerivedTraits(profile, rng, anchorMs, 4200);
  setTraits(
    profile,
    "computed_trait",
    { avg_order_value: 187.42, predicted_churn_score: 0.12 },
    { sources: [SOURCES.computed], rng, newestMs: anchorMs - 3_600_000 },
  );
  setTraits(
    profile,
    "audience",
    { vip_support: true, trial_users: false, high_value_customers: true },
    { sources: [SOURCES.computed], rng, newestMs: anchorMs - 3_600_000 },
  );
  return profile;
}
