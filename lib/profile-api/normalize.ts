import "server-only";
import type { Cursor, ExternalId, JsonValue, ProfileEvent, ProfileLink, VerboseTraitValue } from "@/lib/core/api-types";

/**
 * From the shapes the two seeds document (000: the documentation; 003: an OpenAPI description where every field is
 * optional) to the app's own types. Called only by the zod schemas in ./schemas.ts, after they have checked that
 * every field present has a documented type: what is left here is filling defaults and dropping entries that name
 * nothing the agent could use. Nothing is invented: no made-up timestamps, identifiers or collections.
 */

type WireCursor = { url?: string; has_more?: boolean; next?: string; limit?: number; [key: string]: unknown };

/** 003's cursor may lack `has_more`: a `next` cursor means there is more. A negative `limit` says nothing: dropped. */
export function normalizeCursor({ has_more, limit, ...rest }: WireCursor): Cursor {
  const cursor: Cursor = { ...rest, has_more: has_more ?? Boolean(rest.next) };
  if (limit !== undefined && limit >= 0) cursor.limit = limit;
  return cursor;
}

const isPlainObject = (v: JsonValue | undefined): v is { [key: string]: JsonValue } =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A verbose trait is `{ value, source_id?, updated_at? }` (seed 000). Seed 003 documents any value in the map, so
 * anything else (a plain value, or an object that is not exactly that shape) is the trait's value itself.
 */
export function normalizeVerboseTrait(raw: JsonValue): VerboseTraitValue {
  if (isPlainObject(raw) && "value" in raw) {
    const { value, source_id, updated_at } = raw;
    const extra = Object.keys(raw).filter((k) => !["value", "source_id", "updated_at"].includes(k));
    const optionalText = (v: JsonValue | undefined) => v === undefined || v === null || typeof v === "string";
    if (extra.length === 0 && optionalText(source_id) && optionalText(updated_at)) {
      return {
        value: value ?? null,
        ...(typeof source_id === "string" ? { source_id } : {}),
        ...(typeof updated_at === "string" ? { updated_at } : {}),
      };
    }
  }
  return { value: raw };
}

export function normalizeVerboseTraits(traits: Record<string, JsonValue>): Record<string, VerboseTraitValue> {
  return Object.fromEntries(Object.entries(traits).map(([key, raw]) => [key, normalizeVerboseTrait(raw)]));
}

type WireExternalId = Omit<ExternalId, "id" | "type"> & { id?: string; type?: string };
type IdentifiedExternalId = WireExternalId & { id: string; type: string };

/** 003 makes `id` and `type` optional; an entry without both identifies nobody and is left out. */
export function keepIdentifiedExternalIds(ids: WireExternalId[]): ExternalId[] {
  return ids.filter(
    (e): e is IdentifiedExternalId =>
      typeof e.id === "string" && e.id !== "" && typeof e.type === "string" && e.type !== "",
  );
}

type WireEvent = Omit<ProfileEvent, "type" | "timestamp"> & { type?: string; timestamp?: string; messageId?: string };

/**
 * 003 makes `type` and `timestamp` optional and calls the id `messageId`. An event without a timestamp has no place on
 * a timeline and is left out; one without a type is shown as `unknown` (the timeline's generic icon).
 */
export function normalizeEvents(events: WireEvent[]): ProfileEvent[] {
  return events.flatMap(({ messageId, type, timestamp, ...rest }) => {
    if (!timestamp) return [];
    const message_id = rest.message_id ?? messageId;
    return [{ ...rest, type: type || "unknown", timestamp, ...(message_id ? { message_id } : {}) }];
  });
}

/** 003 makes both fields optional: no `external_ids` is none; a link without `to_collection` leads nowhere. */
export function normalizeLinks(links: Array<{ to_collection?: string; external_ids?: ExternalId[] }>): ProfileLink[] {
  return links.flatMap(({ to_collection, external_ids, ...rest }) =>
    to_collection ? [{ ...rest, to_collection, external_ids: external_ids ?? [] }] : [],
  );
}
