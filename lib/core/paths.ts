/**
 * The app's own addresses: the BFF routes (called by the browser, and written into rewritten cursors by the server)
 * and the profile pages. The one place that builds them, so the identifier is always ONE percent-encoded path segment
 * (`/`, `?`, `#`, `%`, `+`, spaces and unicode escaped). Browser-safe.
 *
 * The upstream Profile API paths are a different address space (space id, `/v1/spaces/...`, `type:value` with only the
 * value encoded) and stay server-side in lib/profile-api/paths.ts.
 */
import type { Collection, Resource } from "./identifiers";

/** Our BFF route for a profile (the summary) or one of its resources, with an optional query string. */
export function bffProfilePath(
  collection: Collection,
  id: string,
  resource?: Resource,
  query?: URLSearchParams,
): string {
  const base = `/api/profiles/${collection}/${encodeURIComponent(id)}${resource ? `/${resource}` : ""}`;
  const search = query?.toString();
  return search ? `${base}?${search}` : base;
}

/** The path of a profile's full page. */
export function profilePath(collection: Collection, id: string): string {
  return `/profiles/${collection}/${encodeURIComponent(id)}`;
}
