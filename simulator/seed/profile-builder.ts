import type { Rng } from "./rng";
import type { Collection, JsonValue, Profile, SeedEvent, SeedMetadata, TraitClass } from "./types";

export const DAY_MS = 86_400_000;

export function newProfile(collection: Collection, segmentId: string): Profile {
  return { collection, segment_id: segmentId, external_ids: [], traits: {}, events: [], links: [] };
}

export function addExternalId(
  p: Profile,
  rng: Rng,
  id: { type: string; id: string; source_id: string; created_at: string; first_message_id?: string; map_id?: string },
): void {
  p.external_ids.push({
    id: id.id,
    type: id.type,
    source_id: id.source_id,
    collection: p.collection,
    created_at: id.created_at,
    encoding: "none",
    first_message_id: id.first_message_id ?? `ajs-${rng.hex(32)}-clean`,
    map_id: id.map_id ?? `map_${rng.base62(27)}`,
  });
}

export function setTraits(
  p: Profile,
  cls: TraitClass,
  values: Record<string, JsonValue>,
  origin: { sources: readonly string[]; rng: Rng; newestMs: number; spreadMs?: number },
): void {
  for (const [key, value] of Object.entries(values)) {
    const ms = origin.newestMs - Math.floor(origin.rng.next() * (origin.spreadMs ?? 30 * DAY_MS));
    p.traits[key] = {
      value,
      class: cls,
      source_id: origin.rng.pick(origin.sources),
      updated_at: new Date(ms).toISOString(),
    };
  }
}

export function linkProfiles(a: Profile, b: Profile): void {
  if (!a.links.includes(b)) a.links.push(b);
  if (!b.links.includes(a)) b.links.push(a);
}

/** Sorts events oldest first and derives metadata from the first and last message unless set already. */
export function finalizeProfile(p: Profile, fallbackCreatedMs: number): void {
  p.events.sort(compareEvents);
  p.external_ids.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
  if (p.metadata) return;
  const first = p.events[0];
  const last = p.events[p.events.length - 1];
  const firstId = p.external_ids[p.external_ids.length - 1];
  const created = firstId ? Date.parse(firstId.created_at) : fallbackCreatedMs;
  const traitTimes = Object.values(p.traits).map((t) => Date.parse(t.updated_at));
  const updated = Math.max(created, last?.ms ?? 0, ...traitTimes);
  p.metadata = metadataOf(created, updated, first, last, firstId?.first_message_id, firstId?.source_id);
}

function metadataOf(
  created: number,
  updated: number,
  first: SeedEvent | undefined,
  last: SeedEvent | undefined,
  firstMessage: string | undefined,
  firstSource: string | undefined,
): SeedMetadata {
  return {
    created_at: new Date(created).toISOString(),
    updated_at: new Date(updated).toISOString(),
    expires_at: null,
    first_message_id: firstMessage ?? first?.message_id ?? "",
    first_source_id: firstSource ?? sourceOf(first),
    last_message_id: last?.message_id ?? firstMessage ?? "",
    last_source_id: last ? sourceOf(last) : (firstSource ?? ""),
  };
}

export function compareEvents(a: SeedEvent, b: SeedEvent): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  return a.message_id < b.message_id ? -1 : a.message_id > b.message_id ? 1 : 0;
}

function sourceOf(event: SeedEvent | undefined): string {
  const source = event?.body.source_id;
  return typeof source === "string" ? source : "";
}
