import type { Profile, SeedExternalId } from "../seed/types";

export type RouteContext = {
  profile: Profile;
  query: URLSearchParams;
  /** The clock anchor: the 14-day events window ends here. */
  anchorMs: number;
  /** Builds the absolute cursor URL of this list with the given `next`. */
  urlWith(next: string): string;
};

/** The wire shape of an external id (the internal mapping id stays inside). */
export function wireExternalId(id: SeedExternalId, withFirstMessage = true): Record<string, string> {
  const out: Record<string, string> = {
    id: id.id,
    type: id.type,
    source_id: id.source_id,
    collection: id.collection,
    created_at: id.created_at,
    encoding: id.encoding,
  };
  if (withFirstMessage) out.first_message_id = id.first_message_id;
  return out;
}
