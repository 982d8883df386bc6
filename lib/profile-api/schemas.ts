import "server-only";
import { z } from "zod";
import type {
  Cursor,
  EventsPage,
  ExternalId,
  ExternalIdsPage,
  JsonValue,
  LinksPage,
  MetadataResponse,
  ProfileEvent,
  ProfileLink,
  ProfileMetadata,
  TraitsPage,
  VerboseTraitsPage,
  VerboseTraitValue,
} from "@/lib/core/api-types";

/**
 * Zod schemas for the Profile API's answers (seeds 000/003), producing exactly the types of
 * lib/core/api-types.ts. Lenient on fields the app does not read (kept as they come), strict on what
 * it relies on: `traits` is an object, `data` an array of objects with the documented required
 * fields, `cursor.has_more` a boolean, timestamps strings. A body that fails is "malformed".
 */

// Bodies come from JSON.parse, so every value is already JSON; only the shape around it is checked.
const jsonValue = z.custom<JsonValue>(() => true);
const jsonObject = z.record(z.string(), jsonValue);
/** Optional upstream strings; a `null` is read as absent. */
const optionalString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

export const profileApiCursorSchema: z.ZodType<Cursor> = z.looseObject({
  url: optionalString,
  has_more: z.boolean(),
  next: optionalString,
  limit: z.number().int().nonnegative().optional(),
});

export const profileApiTraitsSchema: z.ZodType<TraitsPage> = z.looseObject({
  traits: jsonObject,
  cursor: profileApiCursorSchema.optional(),
});

export const profileApiVerboseTraitValueSchema: z.ZodType<VerboseTraitValue> = z.looseObject({
  value: jsonValue,
  source_id: optionalString,
  updated_at: optionalString,
});

export const profileApiVerboseTraitsSchema: z.ZodType<VerboseTraitsPage> = z.looseObject({
  traits: z.record(z.string(), profileApiVerboseTraitValueSchema),
  cursor: profileApiCursorSchema.optional(),
});

export const profileApiExternalIdSchema: z.ZodType<ExternalId> = z.looseObject({
  id: z.string(),
  type: z.string(),
  source_id: optionalString,
  collection: optionalString,
  created_at: optionalString,
  encoding: optionalString,
  first_message_id: optionalString,
});

export const profileApiExternalIdsSchema: z.ZodType<ExternalIdsPage> = z.looseObject({
  data: z.array(profileApiExternalIdSchema),
  cursor: profileApiCursorSchema.optional(),
});

export const profileApiEventSchema: z.ZodType<ProfileEvent> = z.looseObject({
  type: z.string(),
  event: optionalString,
  properties: jsonObject.optional(),
  traits: jsonObject.optional(),
  context: jsonObject.optional(),
  timestamp: z.string(),
  message_id: optionalString,
  source_id: optionalString,
  external_ids: z.array(profileApiExternalIdSchema).optional(),
  related: jsonObject.optional(),
});

export const profileApiEventsSchema: z.ZodType<EventsPage> = z.looseObject({
  data: z.array(profileApiEventSchema),
  cursor: profileApiCursorSchema.optional(),
});

export const profileApiMetadataSchema: z.ZodType<ProfileMetadata> = z.looseObject({
  created_at: optionalString,
  updated_at: optionalString,
  expires_at: z.string().nullable().optional(),
  first_message_id: optionalString,
  first_source_id: optionalString,
  last_message_id: optionalString,
  last_source_id: optionalString,
}) as z.ZodType<ProfileMetadata>;

export const profileApiMetadataResponseSchema: z.ZodType<MetadataResponse> = z.looseObject({
  metadata: profileApiMetadataSchema,
});

export const profileApiLinkSchema: z.ZodType<ProfileLink> = z.looseObject({
  to_collection: z.string(),
  external_ids: z.array(profileApiExternalIdSchema),
});

export const profileApiLinksSchema: z.ZodType<LinksPage> = z.looseObject({
  data: z.array(profileApiLinkSchema),
  cursor: profileApiCursorSchema.optional(),
});

/** The documented error body: `{ "error": { "code", "message" } }`. Used only to read the code. */
export const profileApiErrorBodySchema = z.looseObject({
  error: z.looseObject({ code: z.string().optional(), message: z.string().optional() }),
});
