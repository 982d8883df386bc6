/**
 * Profile identifiers (`type:value`, e.g. `user_id:u1`, `phone:+15550100`): validation and
 * encoding for the upstream path. Pure and dependency-free so the browser can validate input
 * with the same rules the server enforces.
 */

export const COLLECTIONS = ["users", "accounts"] as const;
export type Collection = (typeof COLLECTIONS)[number];

export const RESOURCES = ["traits", "external_ids", "events", "metadata", "links"] as const;
export type Resource = (typeof RESOURCES)[number];

export const MAX_IDENTIFIER_VALUE_LENGTH = 1000;
const TYPE_PATTERN = /^[a-z][a-z0-9_.]*$/;
// C0/C1 control characters, DEL, and the Unicode line/paragraph separators.
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;

export type ProfileIdentifier = { readonly type: string; readonly value: string };

export type IdentifierProblem =
  "missing_separator" | "invalid_type" | "empty_value" | "value_too_long" | "control_characters";

export const IDENTIFIER_PROBLEM_MESSAGES: Record<IdentifierProblem, string> = {
  missing_separator: "Identifiers look like type:value, e.g. user_id:u123 or email:ada@example.com.",
  invalid_type: "The identifier type must start with a lowercase letter and use only a-z, 0-9, _ and '.'.",
  empty_value: "The identifier value is empty.",
  value_too_long: `The identifier value is longer than ${MAX_IDENTIFIER_VALUE_LENGTH} characters.`,
  control_characters: "The identifier value contains control characters.",
};

export type ParseResult =
  { ok: true; identifier: ProfileIdentifier } | { ok: false; problem: IdentifierProblem; message: string };

/**
 * Parses an already-decoded `type:value` string. The type ends at the first colon; the value
 * may contain colons. The string is taken as is: it is never percent-decoded here, so callers
 * decode exactly once (Next.js hands route params over already decoded).
 */
export function parseIdentifier(raw: string): ParseResult {
  const colon = raw.indexOf(":");
  if (colon < 0) return fail("missing_separator");
  const type = raw.slice(0, colon);
  const value = raw.slice(colon + 1);
  if (!TYPE_PATTERN.test(type)) return fail("invalid_type");
  if (value.length === 0) return fail("empty_value");
  if (value.length > MAX_IDENTIFIER_VALUE_LENGTH) return fail("value_too_long");
  if (CONTROL_CHARACTERS.test(value)) return fail("control_characters");
  return { ok: true, identifier: { type, value } };
}

function fail(problem: IdentifierProblem): ParseResult {
  return { ok: false, problem, message: IDENTIFIER_PROBLEM_MESSAGES[problem] };
}

export function formatIdentifier(id: ProfileIdentifier): string {
  return `${id.type}:${id.value}`;
}

/**
 * The identifier as one upstream path segment. Every character of the value outside
 * [A-Za-z0-9-_.!~*'()] is percent-encoded (`+` → %2B, `/` → %2F, `?` → %3F, `#` → %23,
 * `%` → %25, space → %20, unicode → UTF-8 escapes), so no value can add a path segment,
 * start a query or fragment, or be read as `+`-as-space. A value of `..` stays literal but is
 * harmless: the segment always starts with `type:`, so it is never a dot segment.
 */
export function encodeIdentifierSegment(id: ProfileIdentifier): string {
  return `${id.type}:${encodeURIComponent(id.value)}`;
}

export function isCollection(value: string): value is Collection {
  return (COLLECTIONS as readonly string[]).includes(value);
}
