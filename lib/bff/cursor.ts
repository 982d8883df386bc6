import "server-only";
import type { Cursor } from "@/lib/core/api-types";

/**
 * The upstream cursor made safe for the browser: only `has_more`, `next` and `limit` are kept, and `url` points at
 * our own route with the (validated) query of this request and the next page's cursor, or is dropped on the last
 * page. The upstream URL carries the Profile API host and the space id; neither may reach the browser.
 */
export function rewriteCursor(cursor: unknown, ownPath: string, validatedQuery: URLSearchParams): Cursor | undefined {
  if (typeof cursor !== "object" || cursor === null) return undefined;
  const { has_more, next, limit } = cursor as Record<string, unknown>;
  const safe: Cursor = { has_more: has_more === true };
  if (typeof limit === "number") safe.limit = limit;
  if (typeof next === "string" && next) {
    safe.next = next;
    if (safe.has_more) {
      const query = new URLSearchParams(validatedQuery);
      query.set("next", next);
      safe.url = `${ownPath}?${query.toString()}`;
    }
  }
  return safe;
}

/** A page body with its cursor rewritten (or the body unchanged when it has none). */
export function withOwnCursor<T extends object>(body: T, ownPath: string, validatedQuery: URLSearchParams): T {
  if (!("cursor" in body)) return body;
  const { cursor: upstream, ...rest } = body as T & { cursor?: unknown };
  const cursor = rewriteCursor(upstream, ownPath, validatedQuery);
  return (cursor ? { ...rest, cursor } : rest) as T;
}
