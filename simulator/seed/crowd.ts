import { CATEGORIES, CITIES, FIRST_NAMES, LAST_NAMES, PLANS, SOURCES, TITLES } from "./catalog";
import type { Actor } from "./events";
import { generateJourney } from "./journey";
import { addExternalId, DAY_MS, newProfile, setTraits } from "./profile-builder";
import type { Rng } from "./rng";
import type { JsonObject, Profile } from "./types";

const USER_SOURCES = [SOURCES.web, SOURCES.ios, SOURCES.server, SOURCES.crm] as const;

export function uuid(rng: Rng): string {
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;
}

export function ascii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

/** One ordinary customer: identifiers, multi-source traits, a journey, and computed traits/audiences derived from it. */
export function buildCrowdUser(
  rng: Rng,
  index: number,
  anchorMs: number,
  groupIds: string[],
): { profile: Profile; actor: Actor } {
  const profile = newProfile("users", `use_${rng.base62(27)}`);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const createdMs = rng.chance(0.15) ? anchorMs - rng.int(1, 13) * DAY_MS : anchorMs - rng.int(20, 700) * DAY_MS;
  const actor: Actor = {
    profile,
    userId: `u_${1000 + index}`,
    anonymousIds: Array.from({ length: rng.int(1, 3) }, () => uuid(rng)),
    email: `${ascii(first)}.${ascii(last)}${index}@example.com`,
    idfa: rng.chance(0.3) ? uuid(rng).toUpperCase() : undefined,
    androidId: rng.chance(0.25) ? rng.hex(16) : undefined,
    platforms: ["web"],
    ip: `203.0.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    groupIds,
  };
  if (actor.idfa) actor.platforms.push("ios");
  if (actor.androidId) actor.platforms.push("android");
  const phone = rng.chance(0.6) ? `+1555020${String(index).padStart(4, "0")}` : undefined;
  const idAt = (offsetDays: number) => new Date(createdMs + offsetDays * DAY_MS).toISOString();
  for (const anon of actor.anonymousIds)
    addExternalId(profile, rng, {
      type: "anonymous_id",
      id: anon,
      source_id: SOURCES.web,
      created_at: idAt(rng.next()),
    });
  addExternalId(profile, rng, {
    type: "user_id",
    id: actor.userId ?? "",
    source_id: SOURCES.web,
    created_at: idAt(0.5),
  });
  addExternalId(profile, rng, {
    type: "email",
    id: actor.email ?? "",
    source_id: SOURCES.server,
    created_at: idAt(0.6),
  });
  if (phone) addExternalId(profile, rng, { type: "phone", id: phone, source_id: SOURCES.crm, created_at: idAt(2) });
  if (actor.idfa)
    addExternalId(profile, rng, { type: "ios.idfa", id: actor.idfa, source_id: SOURCES.ios, created_at: idAt(3) });
  if (actor.androidId)
    addExternalId(profile, rng, {
      type: "android.id",
      id: actor.androidId,
      source_id: SOURCES.android,
      created_at: idAt(4),
    });
  if (rng.chance(0.2))
    addExternalId(profile, rng, {
      type: "cross_domain_id",
      id: uuid(rng),
      source_id: SOURCES.web,
      created_at: idAt(5),
    });

  const place = rng.pick(CITIES);
  const origin = {
    sources: USER_SOURCES,
    rng,
    newestMs: anchorMs - DAY_MS,
    spreadMs: Math.min(60 * DAY_MS, anchorMs - createdMs),
  };
  setTraits(
    profile,
    "trait",
    {
      first_name: first,
      last_name: last,
      name: `${first} ${last}`,
      email: actor.email ?? null,
      ...(phone ? { phone } : {}),
      plan: rng.pick(PLANS),
      title: rng.pick(TITLES),
      city: place.city,
      country: place.country,
      created_at: new Date(createdMs).toISOString(),
      avatar: `https://i.pravatar.cc/150?u=${actor.userId}`,
      address: { city: place.city, country: place.country, postal_code: String(rng.int(10000, 99999)) },
      marketing_opt_in: rng.chance(0.6),
    },
    origin,
  );

  const fromMs = Math.max(createdMs, anchorMs - 20 * DAY_MS);
  profile.events = generateJourney(actor, rng, {
    fromMs,
    toMs: anchorMs,
    sessions: rng.int(1, 10),
    firstSignUp: createdMs > anchorMs - 20 * DAY_MS,
  });
  setDerivedTraits(profile, rng, anchorMs);
  return { profile, actor };
}

/** Computed traits and audiences consistent with the generated events. */
export function setDerivedTraits(profile: Profile, rng: Rng, anchorMs: number, baseLtv = rng.int(0, 2500)): void {
  const orders = profile.events.filter((e) => e.event === "Order Completed");
  const revenue = orders.reduce((sum, e) => sum + Number((e.body.properties as JsonObject).revenue ?? 0), 0);
  const lastSeen = profile.events.reduce((max, e) => Math.max(max, e.ms), 0);
  const lifetimeValue = Math.round((baseLtv + revenue) * 100) / 100;
  const lastAdded = profile.events.filter((e) => e.event === "Product Added").pop();
  const lastOrder = orders[orders.length - 1];
  const origin = { sources: [SOURCES.computed], rng, newestMs: anchorMs - 3_600_000, spreadMs: DAY_MS };
  setTraits(
    profile,
    "computed_trait",
    {
      lifetime_value: lifetimeValue,
      orders_last_30_days: orders.length,
      last_seen_at: lastSeen ? new Date(lastSeen).toISOString() : null,
      favorite_category: rng.pick(CATEGORIES),
      sessions_last_7_days: profile.events.filter(
        (e) => e.ms > anchorMs - 7 * DAY_MS && (e.body.type === "page" || e.body.type === "screen"),
      ).length,
    },
    origin,
  );
  setTraits(
    profile,
    "audience",
    {
      high_value_customers: lifetimeValue > 1000,
      churn_risk: lastSeen < anchorMs - 10 * DAY_MS,
      cart_abandoners: lastAdded !== undefined && (lastOrder === undefined || lastOrder.ms < lastAdded.ms),
      newsletter_engaged: rng.chance(0.4),
    },
    origin,
  );
}
