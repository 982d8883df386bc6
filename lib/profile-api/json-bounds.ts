import type { JsonValue } from "@/lib/core/api-types";

/**
 * Bounds on what an upstream answer may hold, applied right after `JSON.parse` and before the schemas (so before the
 * cache, the masking, the renderers and `Response.json`). A trait nested 5,000 deep made every recursive walk after
 * the parse overflow the stack (500, cached), and made the indented JSON on the page grow with the square of the
 * depth. Deeper parts are replaced by a marker rather than refused, so the rest of the profile still shows.
 */

/** Deep enough for any real trait or event (the documented samples stay under 8); shallow enough for every walker. */
export const MAX_JSON_DEPTH = 32;
/** A single string longer than this is cut: no agent reads a megabyte trait, and it would be sent and cached whole. */
export const MAX_JSON_STRING_LENGTH = 64 * 1024;
/** What replaces a part nested deeper than MAX_JSON_DEPTH. */
export const TOO_DEEP = "[too deep to display]";
const CUT_MARK = "…[cut]";

/**
 * A copy of `value` with every part below MAX_JSON_DEPTH replaced by TOO_DEEP and every over-long string cut.
 * Recursion stops at the depth bound, so this walk itself can never overflow the stack. Keys are copied onto null-
 * prototype-free plain objects with defineProperty semantics, so a `__proto__` key stays data, never a prototype.
 */
export function boundJson(value: unknown, maxDepth = MAX_JSON_DEPTH, depth = 0): JsonValue {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string")
    return value.length > MAX_JSON_STRING_LENGTH ? value.slice(0, MAX_JSON_STRING_LENGTH) + CUT_MARK : value;
  if (typeof value !== "object") return null;
  if (depth >= maxDepth) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item: unknown) => boundJson(item, maxDepth, depth + 1));
  const copy: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(copy, key, {
      value: boundJson(item, maxDepth, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
