/**
 * The JSON bodies the BFF returns to the browser. They keep the Profile API's shapes
 * (see ../shared/seeds), minus anything that would reveal the upstream: `cursor.url` points at
 * our own routes. Types only, no runtime code, so browser and server can both import them.
 * The server validates upstream answers with zod schemas in lib/profile-api/schemas.ts that
 * produce exactly these types.
 */
import type { ApiError } from "./error-body";
import type { Collection } from "./identifiers";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * What the BFF sends instead of a value covered by MASKED_TRAITS / MASKED_ID_TYPES (DESIGN §10): the clear value stays
 * on the server; `hint` holds at most its last 4 characters. A supervisor gets the value through POST …/reveal.
 */
export type MaskedValue = {
  masked: true;
  hint: string;
  /** Present when the caller may reveal it (a supervisor or auditor): the UI then offers a Reveal button. */
  revealable?: true;
};

export function isMaskedValue(value: unknown): value is MaskedValue {
  return typeof value === "object" && value !== null && (value as { masked?: unknown }).masked === true;
}

export type Cursor = {
  /** Our BFF route for the next page, never an upstream URL. */
  url?: string;
  has_more: boolean;
  next?: string;
  limit?: number;
};

/** `verbose=true` wraps each trait value with where it came from. */
export type VerboseTraitValue = { value: JsonValue; source_id?: string; updated_at?: string };

export type TraitsPage = { traits: Record<string, JsonValue>; cursor?: Cursor };
export type VerboseTraitsPage = { traits: Record<string, VerboseTraitValue>; cursor?: Cursor };

export type ExternalId = {
  /** Masked for types in MASKED_ID_TYPES. */
  id: string | MaskedValue;
  type: string;
  source_id?: string;
  collection?: string;
  created_at?: string;
  encoding?: string;
  first_message_id?: string;
};
export type ExternalIdsPage = { data: ExternalId[]; cursor?: Cursor };

export type EventType = "track" | "page" | "screen" | "identify" | "group" | "alias";

export type ProfileEvent = {
  type: EventType | (string & {});
  event?: string;
  properties?: Record<string, JsonValue>;
  traits?: Record<string, JsonValue>;
  context?: Record<string, JsonValue>;
  timestamp: string;
  message_id?: string;
  source_id?: string;
  external_ids?: ExternalId[];
  related?: Record<string, JsonValue>;
};
export type EventsPage = { data: ProfileEvent[]; cursor?: Cursor };

export type ProfileMetadata = {
  created_at?: string;
  updated_at?: string;
  expires_at?: string | null;
  first_message_id?: string;
  first_source_id?: string;
  last_message_id?: string;
  last_source_id?: string;
  [key: string]: JsonValue | undefined;
};
export type MetadataResponse = { metadata: ProfileMetadata };

export type ProfileLink = {
  to_collection: Collection | (string & {});
  external_ids: ExternalId[];
  /** Added by the BFF: the handle to open the linked profile by (absent when it has no usable identifier). */
  handle?: string;
};
export type LinksPage = { data: ProfileLink[]; cursor?: Cursor };

/** The `error` of every BFF error body, and of each failed summary part. */
export type { ApiError } from "./error-body";

/** Whether an answer came from the server's response cache: `X-Cache` and the request log. */
export type CacheStatus = "HIT" | "MISS" | "BYPASS";

export type SummaryPart = "traits" | "computed_traits" | "audiences" | "external_ids" | "metadata" | "links";

/** GET /api/profiles/{collection}/{id}: the first paint. A failed part is null and explained in `errors`. */
export type ProfileSummary = {
  collection: Collection;
  id: string;
  traits: Record<string, JsonValue> | null;
  computed_traits: Record<string, JsonValue> | null;
  audiences: Record<string, JsonValue> | null;
  external_ids: ExternalId[] | null;
  metadata: ProfileMetadata | null;
  links: ProfileLink[] | null;
  errors: Partial<Record<SummaryPart, ApiError>>;
};
