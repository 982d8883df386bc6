import { CURRENCIES, PAGES, PRODUCTS, SCREENS, type Platform } from "./catalog";
import { EVENT_NAME, makeEvent, pageContext, type Actor, type EventSpec } from "./events";
import type { Rng } from "./rng";
import type { JsonObject, SeedEvent } from "./types";

/** One visit: a run of page or screen views with the track calls a SaaS/e-commerce visit produces. */
export function generateSession(actor: Actor, rng: Rng, startMs: number, opts: { first: boolean }): SeedEvent[] {
  const platform = rng.pick(actor.platforms);
  const out: SeedEvent[] = [];
  let ms = startMs;
  const emit = (spec: Omit<EventSpec, "ms" | "platform">) => {
    out.push(makeEvent(actor, rng, { ...spec, ms, platform }));
    ms += rng.int(8, 120) * 1000;
  };
  if (opts.first)
    emit({ type: "track", event: "Signed Up", properties: { method: rng.pick(["email", "google", "github"]) } });
  else if (rng.chance(0.3)) emit({ type: "track", event: "Signed In", properties: { method: "password" } });
  if (platform !== "web" && platform !== "server")
    emit({ type: "track", event: "Application Opened", properties: { from_background: rng.chance(0.5) } });
  if (opts.first || rng.chance(0.12))
    emit({ type: "identify", event: EVENT_NAME.identify, traits: identifyTraits(actor) });
  const views = rng.int(2, 6);
  for (let i = 0; i < views; i++) emitView(emit, rng, platform);
  if (rng.chance(0.45)) emitShopping(emit, rng);
  emitSupportish(emit, rng, actor);
  return out;
}

type Emit = (spec: Omit<EventSpec, "ms" | "platform">) => void;

function emitView(emit: Emit, rng: Rng, platform: Platform): void {
  if (platform === "web" || platform === "server") {
    const page = rng.pick(PAGES);
    emit({
      type: "page",
      event: EVENT_NAME.page,
      properties: { name: page.title, ...pageContext(rng, page) },
      page: pageContext(rng, page),
    });
  } else {
    emit({ type: "screen", event: EVENT_NAME.screen, properties: { name: rng.pick(SCREENS) } });
  }
}

function emitShopping(emit: Emit, rng: Rng): void {
  const product = rng.pick(PRODUCTS);
  emit({ type: "track", event: "Product Viewed", properties: { ...product, currency: "USD" } });
  if (!rng.chance(0.55)) return;
  const quantity = rng.int(1, 3);
  emit({ type: "track", event: "Product Added", properties: { ...product, quantity, currency: "USD" } });
  if (!rng.chance(0.5)) return;
  const revenue = Math.round(product.price * quantity * 100) / 100;
  emit({
    type: "track",
    event: "Order Completed",
    properties: {
      order_id: `ord_${rng.hex(10)}`,
      revenue,
      total: revenue,
      currency: rng.pick(CURRENCIES),
      products: [{ ...product, quantity }],
    },
  });
}

function emitSupportish(emit: Emit, rng: Rng, actor: Actor): void {
  if (rng.chance(0.07))
    emit({
      type: "track",
      event: "Payment Failed",
      properties: {
        amount: rng.pick([49, 99, 299]),
        currency: "USD",
        reason: rng.pick(["card_declined", "expired_card", "insufficient_funds"]),
      },
    });
  if (rng.chance(0.06))
    emit({
      type: "track",
      event: "Support Ticket Opened",
      properties: {
        ticket_id: `ZD-${rng.int(10000, 99999)}`,
        subject: rng.pick(["Refund request", "Cannot log in", "Order not delivered", "Billing question"]),
        priority: rng.pick(["low", "normal", "high"]),
      },
    });
  if (rng.chance(0.04))
    emit({
      type: "track",
      event: "Plan Changed",
      properties: { from_plan: "starter", to_plan: rng.pick(["pro", "business"]) },
    });
  if (rng.chance(0.03))
    emit({
      type: "track",
      event: "Subscription Started",
      properties: {
        plan: rng.pick(["pro", "business"]),
        interval: rng.pick(["month", "year"]),
        mrr: rng.pick([49, 99, 299]),
      },
    });
  if (actor.groupIds.length > 0 && rng.chance(0.08))
    emit({
      type: "group",
      event: EVENT_NAME.group,
      properties: { group_id: rng.pick(actor.groupIds) },
      traits: { group_id: rng.pick(actor.groupIds) },
    });
  if (rng.chance(0.01) && actor.anonymousIds[1])
    emit({ type: "alias", event: EVENT_NAME.alias, properties: { previous_id: actor.anonymousIds[1] } });
}

function identifyTraits(actor: Actor): JsonObject {
  const traits: JsonObject = {};
  for (const key of ["first_name", "last_name", "email", "plan"]) {
    const t = actor.profile.traits[key];
    if (t) traits[key] = t.value;
  }
  return traits;
}

/** Sessions at random times in [fromMs, toMs): `sessions` of them, or as many as it takes to reach `minEvents`. */
export function generateJourney(
  actor: Actor,
  rng: Rng,
  range: { fromMs: number; toMs: number; sessions?: number; minEvents?: number; firstSignUp?: boolean },
): SeedEvent[] {
  const span = Math.max(1, range.toMs - range.fromMs - 3_600_000);
  const events: SeedEvent[] = range.firstSignUp ? generateSession(actor, rng, range.fromMs, { first: true }) : [];
  const maxSessions = range.sessions ?? 10_000;
  for (let i = 0; i < maxSessions; i++) {
    if (range.minEvents !== undefined && events.length >= range.minEvents) break;
    events.push(...generateSession(actor, rng, range.fromMs + Math.floor(rng.next() * span), { first: false }));
  }
  return events;
}
