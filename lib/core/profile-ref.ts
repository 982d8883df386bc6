/**
 * How a profile is named in the app's URLs (DESIGN §10): by an opaque handle (`h1.…`, made and opened on the server
 * only: lib/governance/profile-handle.ts), never by its identifier. Browser-safe: the browser only needs to tell a
 * handle from an identifier, never to read one.
 */

/** The version prefix of a handle. A handle contains no `:`, so it can never be mistaken for a `type:value`. */
export const HANDLE_PREFIX = "h1.";

/** Longer than the handle of the longest valid identifier (1000 characters of value, 4 bytes each at most). */
export const MAX_HANDLE_LENGTH = 6000;

export function isHandleShaped(value: string): boolean {
  return value.startsWith(HANDLE_PREFIX) && !value.includes(":");
}

/**
 * A profile as the browser holds it: `handle` goes into URLs; `label` (the `type:value` it was found by) is only ever
 * shown on the page, never put in a URL or a query key.
 */
export type ProfileRef = { collection: "users" | "accounts"; handle: string; label: string };
