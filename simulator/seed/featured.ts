import { SOURCES } from "./catalog";
import { uuid, setDerivedTraits } from "./crowd";
import type { Actor } from "./events";
import { generateJourney } from "./journey";
import { addExternalId, DAY_MS, newProfile, setTraits } from "./profile-builder";
import type { Rng } from "./rng";
import type { Profile } from "./types";

/** The hand-made profiles of simulator/seed-ids.ts (ada, heavy, quiet, weird, manyTraits); accounts are linked by the caller. */

type Ids = Partial<Record<"user_id" | "email" | "phone" | "ios.idfa" | "android.id" | "cross_domain_id", string>> & {
  anonymous_id?: string[];
};

export function identify(profile: Profile, rng: Rng, ids: Ids, createdMs: number): Actor {
  const at = (days: number) => new Date(createdMs + days * DAY_MS).toISOString();
  (ids.anonymous_id ?? []).forEach((a, i) =>
    addExternalId(profile, rng, { type: "anonymous_id", id: a, source_id: SOURCES.web, created_at: at(i * 3) }),
  );
  const order = ["user_id", "email", "phone", "ios.idfa", "android.id", "cross_domain_id"] as const;
  const source = {
    user_id: SOURCES.web,
    email: SOURCES.server,
    phone: SOURCES.crm,
    "ios.idfa": SOURCES.ios,
    "android.id": SOURCES.android,
    cross_domain_id: SOURCES.web,
  };
  order.forEach((type, i) => {
    const id = ids[type];
    if (id) addExternalId(profile, rng, { type, id, source_id: source[type], created_at: at(1 + i * 5) });
  });
  const platforms: Actor["platforms"] = ["web"];
  if (ids["ios.idfa"]) platforms.push("ios");
  if (ids["android.id"]) platforms.push("android");
  return {
    profile,
    userId: ids.user_id,
    anonymousIds: ids.anonymous_id ?? [],
    email: ids.email,
    idfa: ids["ios.idfa"],
    androidId: ids["android.id"],
    platforms,
    ip: "198.51.100.23",
    groupIds: [],
  };
}

export function buildHeavy(rng: Rng, anchorMs: number, minEventsInWindow: number): Profile {
  const profile = newProfile("users", "use_2HeavyUserThousandsEvtsQ7");
  const actor = identify(
    profile,
    rng,
    { user_id: "u_heavy", email: "heavy@example.com", "ios.idfa": uuid(rng).toUpperCase(), anonymous_id: [uuid(rng)] },
    anchorMs - 200 * DAY_MS,
  );
  setTraits(
    profile,
    "trait",
    { first_name: "Hank", last_name: "Heavy", name: "Hank Heavy", email: "heavy@example.com", plan: "enterprise" },
    { sources: [SOURCES.web, SOURCES.server], rng, newestMs: anchorMs - DAY_MS },
  );
  const inWindow = generateJourney(actor, rng, {
    fromMs: anchorMs - 14 * DAY_MS + 2 * 3_600_000,
    toMs: anchorMs,
    minEvents: minEventsInWindow,
  });
  const older = generateJourney(actor, rng, {
    fromMs: anchorMs - 25 * DAY_MS,
    toMs: anchorMs - 15 * DAY_MS,
    sessions: 6,
  });
  profile.events = [...older, ...inWindow];
  setDerivedTraits(profile, rng, anchorMs, 9000);
  return profile;
}

export function buildQuiet(rng: Rng, anchorMs: number): Profile {
  const profile = newProfile("users", "use_2QuietUserNoEventsAtAllZ9");
  identify(
    profile,
    rng,
    { user_id: "u_quiet", email: "quiet@example.com", anonymous_id: [uuid(rng)] },
    anchorMs - 90 * DAY_MS,
  );
  setTraits(
    profile,
    "trait",
    {
      first_name: "Quinn",
      last_name: "Quiet",
      name: "Quinn Quiet",
      email: "quiet@example.com",
      plan: "free",
      marketing_opt_in: false,
    },
    { sources: [SOURCES.crm], rng, newestMs: anchorMs - 40 * DAY_MS },
  );
  setTraits(
    profile,
    "computed_trait",
    { lifetime_value: 0, orders_last_30_days: 0, last_seen_at: new Date(anchorMs - 60 * DAY_MS).toISOString() },
    { sources: [SOURCES.computed], rng, newestMs: anchorMs - 3_600_000 },
  );
  setTraits(
    profile,
    "audience",
    { churn_risk: true, high_value_customers: false },
    { sources: [SOURCES.computed], rng, newestMs: anchorMs - 3_600_000 },
  );
  return profile;
}

export function buildWeird(rng: Rng, anchorMs: number, userId: string): Profile {
  const profile = newProfile("users", "use_2WeirdIdentifierEscapes8K");
  const actor = identify(
    profile,
    rng,
    { user_id: userId, email: "we.ird+tag@example.com", anonymous_id: [uuid(rng)] },
    anchorMs - 30 * DAY_MS,
  );
  setTraits(
    profile,
    "trait",
    {
      first_name: "Wanda",
      last_name: "Weird / ? # % + ü",
      name: "Wanda Weird",
      email: "we.ird+tag@example.com",
      "key with spaces": "value with spaces",
      ключ: "значение",
    },
    { sources: [SOURCES.web], rng, newestMs: anchorMs - DAY_MS },
  );
  profile.events = generateJourney(actor, rng, { fromMs: anchorMs - 10 * DAY_MS, toMs: anchorMs, sessions: 3 });
  setDerivedTraits(profile, rng, anchorMs, 10);
  return profile;
}

/** More custom traits than one page of the traits panel (50): "Load more" follows the cursor twice. */
export function buildManyTraits(rng: Rng, anchorMs: number, count: number): Profile {
  const profile = newProfile("users", "use_2ManyCustomTraitsPagesT4");
  identify(profile, rng, { user_id: "u_many_traits", email: "many.traits@example.com" }, anchorMs - 60 * DAY_MS);
  setTraits(
    profile,
    "trait",
    { first_name: "Tess", last_name: "Traits", name: "Tess Traits", email: "many.traits@example.com", plan: "pro" },
    { sources: [SOURCES.crm], rng, newestMs: anchorMs - DAY_MS },
  );
  const custom = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`custom_${String(i + 1).padStart(3, "0")}`, rng.int(0, 1000)]),
  );
  setTraits(profile, "trait", custom, { sources: [SOURCES.crm, SOURCES.server], rng, newestMs: anchorMs - DAY_MS });
  return profile;
}
