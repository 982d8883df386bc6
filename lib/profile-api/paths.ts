import "server-only";
import {
  encodeIdentifierSegment,
  type Collection,
  type ProfileIdentifier,
  type Resource,
} from "@/lib/core/identifiers";

/** A typed query after flattening: absent values are dropped, lists are comma-joined, booleans are "true"/"false". */
export type QueryValues = Record<string, string | number | boolean | readonly string[] | undefined>;

/**
 * The upstream path of one resource. The space id and the identifier are each one encoded
 * segment, so no character in them (`/ ? # % + ..`, spaces, unicode) can change the path.
 */
export function buildResourcePath(
  spaceId: string,
  collection: Collection,
  id: ProfileIdentifier,
  resource: Resource,
  query: QueryValues = {},
): string {
  const path = `/v1/spaces/${encodeURIComponent(spaceId)}/collections/${collection}/profiles/${encodeIdentifierSegment(id)}/${resource}`;
  const search = buildSearch(query);
  return search ? `${path}?${search}` : path;
}

export function buildSearch(query: QueryValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(","));
    } else {
      params.set(key, String(value));
    }
  }
  return params.toString();
}
