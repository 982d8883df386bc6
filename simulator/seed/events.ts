import { LIBRARIES, REFERRERS, SOURCES, USER_AGENTS, type PAGES, type Platform } from "./catalog";
import type { Rng } from "./rng";
import type { JsonObject, Profile, SeedEvent } from "./types";

/** Who sends the events of one user profile, and from where. */
export type Actor = {
  profile: Profile;
  userId?: string;
  anonymousIds: string[];
  email?: string;
  idfa?: string;
  androidId?: string;
  platforms: Platform[];
  ip: string;
  groupIds: string[];
};

export type EventSpec = {
  type: "track" | "page" | "screen" | "identify" | "group" | "alias";
  event: string;
  ms: number;
  platform: Platform;
  properties?: JsonObject;
  traits?: JsonObject;
  page?: JsonObject;
};

export const EVENT_NAME = {
  page: "Page Viewed",
  screen: "Screen Viewed",
  identify: "Identify",
  group: "Group",
  alias: "Alias",
} as const;

export function makeEvent(actor: Actor, rng: Rng, spec: EventSpec): SeedEvent {
  const messageId =
    spec.platform === "web"
      ? `ajs-${rng.hex(32)}`
      : `${spec.platform}-${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
  const body: JsonObject = {
    external_ids: externalIdsOf(actor, spec.platform),
    context: contextOf(actor, spec),
    type: spec.type,
    message_id: messageId,
    source_id: SOURCES[spec.platform],
    timestamp: new Date(spec.ms).toISOString(),
    properties: spec.properties ?? {},
    event: spec.event,
    related: { users: actor.profile.segment_id },
  };
  if (spec.traits) body.traits = spec.traits;
  return { ms: spec.ms, message_id: messageId, event: spec.event, body };
}

function externalIdsOf(actor: Actor, platform: Platform): JsonObject[] {
  const ids: JsonObject[] = [];
  const add = (type: string, id: string | undefined) => {
    if (id) ids.push({ collection: "users", type, id, encoding: "none" });
  };
  add("user_id", actor.userId);
  if (platform === "web") add("anonymous_id", actor.anonymousIds[0]);
  if (platform === "ios") add("ios.idfa", actor.idfa);
  if (platform === "android") add("android.id", actor.androidId);
  return ids;
}

function contextOf(actor: Actor, spec: EventSpec): JsonObject {
  const context: JsonObject = {
    ip: actor.ip,
    library: { ...LIBRARIES[spec.platform] },
    userAgent: USER_AGENTS[spec.platform],
  };
  if (spec.platform === "web" && spec.page) context.page = spec.page;
  if (spec.platform === "ios") context.device = { type: "ios", model: "iPhone15,2", advertisingId: actor.idfa ?? null };
  if (spec.platform === "android") context.device = { type: "android", model: "Pixel 8", id: actor.androidId ?? null };
  if (spec.platform === "ios" || spec.platform === "android")
    context.app = { name: "Acme", version: "5.2.1", build: "5210" };
  return context;
}

export function pageContext(rng: Rng, page: (typeof PAGES)[number]): JsonObject {
  return {
    path: page.path,
    referrer: rng.pick(REFERRERS),
    search: "",
    title: page.title,
    url: `https://shop.example.com${page.path}`,
  };
}
