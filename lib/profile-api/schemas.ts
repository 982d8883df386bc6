import "server-only";
import { z } from "zod";
import type {
  Cursor,
  EventsPage,
  ExternalIdsPage,
  JsonValue,
  LinksPage,
  MetadataResponse,
  ProfileMetadata,
  TraitsPage,
  VerboseTraitsPage,
} from "@/lib/core/api-types";
import {
  keepIdentifiedExternalIds,
  normalizeCursor,
  normalizeEvents,
  normalizeLinks,
  normalizeVerboseTraits,
} from "./normalize";

/**
 * Zod schemas for the Profile API's answers, and the one place where they become the app's own types
 * (lib/core/api-types.ts). Two sources document those answers: the documentation (seed 000) and an OpenAPI 3.1
 * description (seed 003) that makes every field optional, puts metadata fields at the top level, names the event id
 * `messageId` and says nothing of verbose traits. Every shape either documents is accepted and normalised here
 * (lib/profile-api/normalize.ts); a shape neither documents (a field of the wrong type, `traits` not an object, `data`
 * not an array) fails, and the body is "malformed". Fields the app does not read are kept as they come.
 */

// Bodies come from JSON.parse, so every value is already JSON; only the shape around it is checked.
const jsonValue = z.custom<JsonValue>(() => true);
const jsonObject = z.record(z.string(), jsonValue);
/** Optional upstream strings; a `null` is read as absent. */
const optionalString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

/** Both seeds: every field optional in 003; `has_more` absent is read from `next`, a negative `limit` dropped. */
export const profileApiCursorSchema: z.ZodType<Cursor> = z
  .looseObject({
    url: optionalString,
    has_more: z.boolean().optional(),
    next: optionalString,
    limit: z.number().int().optional(),
  })
  .transform(normalizeCursor);

export const profileApiTraitsSchema: z.ZodType<TraitsPage> = z
  .looseObject({ traits: jsonObject.optional(), cursor: profileApiCursorSchema.optional() })
  .transform((page) => ({ ...page, traits: page.traits ?? {} }));

/** 003 documents any value in the traits map, so a plain value on a verbose page is read as `{ value }`. */
export const profileApiVerboseTraitsSchema: z.ZodType<VerboseTraitsPage> = z
  .looseObject({ traits: jsonObject.optional(), cursor: profileApiCursorSchema.optional() })
  .transform((page) => ({ ...page, traits: normalizeVerboseTraits(page.traits ?? {}) }));

/** 003 makes `id` and `type` optional: the schema accepts that; the page keeps only entries that name an identity. */
const wireExternalIdSchema = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  source_id: optionalString,
  collection: optionalString,
  created_at: optionalString,
  encoding: optionalString,
  first_message_id: optionalString,
});
const externalIdListSchema = z.array(wireExternalIdSchema).transform(keepIdentifiedExternalIds);

export const profileApiExternalIdsSchema: z.ZodType<ExternalIdsPage> = z
  .looseObject({ data: externalIdListSchema.optional(), cursor: profileApiCursorSchema.optional() })
  .transform((page) => ({ ...page, data: page.data ?? [] }));

const wireEventSchema = z.looseObject({
  type: z.string().optional(),
  event: optionalString,
  properties: jsonObject.optional(),
  traits: jsonObject.optional(),
  context: jsonObject.optional(),
  timestamp: z.string().optional(),
  message_id: optionalString,
  messageId: optionalString,
  source_id: optionalString,
  external_ids: externalIdListSchema.optional(),
  related: jsonObject.optional(),
});

export const profileApiEventsSchema: z.ZodType<EventsPage> = z
  .looseObject({ data: z.array(wireEventSchema).optional(), cursor: profileApiCursorSchema.optional() })
  .transform((page) => ({ ...page, data: normalizeEvents(page.data ?? []) }));

export const profileApiMetadataSchema: z.ZodType<ProfileMetadata> = z.looseObject({
  created_at: optionalString,
  updated_at: optionalString,
  expires_at: z.string().nullable().optional(),
  first_message_id: optionalString,
  first_source_id: optionalString,
  last_message_id: optionalString,
  last_source_id: optionalString,
  segment_id: optionalString,
}) as z.ZodType<ProfileMetadata>;

/** Seed 000 nests the fields under `metadata`; seed 003 puts them at the top level, read here as if nested. */
export const profileApiMetadataResponseSchema: z.ZodType<MetadataResponse> = z.preprocess(
  (body) =>
    typeof body === "object" && body !== null && !Array.isArray(body) && !("metadata" in body)
      ? { metadata: body }
      : body,
  z.looseObject({ metadata: profileApiMetadataSchema }).transform(({ metadata }) => ({ metadata })),
);

/** 003 makes both fields optional: no `external_ids` is none; a link without `to_collection` leads nowhere and is dropped. */
const wireLinkSchema = z.looseObject({
  to_collection: z.string().optional(),
  external_ids: externalIdListSchema.optional(),
});

export const profileApiLinksSchema: z.ZodType<LinksPage> = z
  .looseObject({ data: z.array(wireLinkSchema).optional(), cursor: profileApiCursorSchema.optional() })
  .transform((page) => ({ ...page, data: normalizeLinks(page.data ?? []) }));

/** The documented error body: `{ "error": { "code", "message" } }`. Used only to read the code. */
export const profileApiErrorBodySchema = z.looseObject({
  error: z.looseObject({ code: z.string().optional(), message: z.string().optional() }),
});
