/** The simulator's in-memory data model: what a profile holds before it is shaped into wire answers. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type Collection = "users" | "accounts";

/** `consent` traits are stored but never answered (the docs: consent preferences are not returned). */
export type TraitClass = "trait" | "computed_trait" | "audience" | "consent";

export type SeedTrait = { value: JsonValue; source_id: string; updated_at: string; class: TraitClass };

export type SeedExternalId = {
  id: string;
  type: string;
  source_id: string;
  collection: Collection;
  created_at: string;
  encoding: "none";
  first_message_id: string;
  /** Internal mapping record id: the external_ids cursor (`next`) names the first record of the next page. */
  map_id: string;
};

/** An event as answered (`body`), plus its sort key. */
export type SeedEvent = { ms: number; message_id: string; event: string; body: JsonObject };

export type SeedMetadata = {
  created_at: string;
  updated_at: string;
  expires_at: string | null;
  first_message_id: string;
  first_source_id: string;
  last_message_id: string;
  last_source_id: string;
};

export type Profile = {
  collection: Collection;
  /** Segment's own profile id (`use_…`, `acc_…`), used in events' `related`. */
  segment_id: string;
  external_ids: SeedExternalId[];
  traits: Record<string, SeedTrait>;
  /** Oldest first; may include events older than the 14-day window (the API hides them). */
  events: SeedEvent[];
  metadata?: SeedMetadata;
  links: Profile[];
};

export type Dataset = {
  profiles: Profile[];
  anchor: Date;
  find(collection: Collection, type: string, value: string): Profile | undefined;
};
