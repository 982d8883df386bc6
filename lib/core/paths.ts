/**
 * The app's own addresses: the BFF routes (called by the browser, and written into rewritten cursors by the server)
 * and the profile pages. The one place that builds them. A profile is named by its handle (DESIGN §10, "Identifier-free
 * URLs"; lib/core/profile-ref.ts), never by its identifier: the browser only ever has handles to build URLs from. The
 * segment is still percent-encoded, so nothing but one path segment can come out of it. Browser-safe.
 *
 * The upstream Profile API paths are a different address space (space id, `/v1/spaces/...`, `type:value` with only the
 * value encoded) and stay server-side in lib/profile-api/paths.ts.
 */
import type { Collection, Resource } from "./identifiers";

/** Our BFF route for a profile (the summary) or one of its resources, with an optional query string. */
export function bffProfilePath(
  collection: Collection,
  handle: string,
  resource?: Resource | "reveal",
  query?: URLSearchParams,
): string {
  const base = `/api/profiles/${collection}/${encodeURIComponent(handle)}${resource ? `/${resource}` : ""}`;
  const search = query?.toString();
  return search ? `${base}?${search}` : base;
}

/** The path of a profile's full page. */
export function profilePath(collection: Collection, handle: string): string {
  return `/profiles/${collection}/${encodeURIComponent(handle)}`;
}

/** The compact sidebar of one profile (`/embed?h=…`). */
export function embedPath(handle: string): string {
  return `/embed?${new URLSearchParams({ h: handle }).toString()}`;
}

/** The lookup route: the identifier travels in the POST body, the handle comes back (lib/queries/lookup.ts). */
export const LOOKUP_PATH = "/api/lookup";
