import type { SeedEvent } from "../seed/types";
import { decodeEventCursor, encodeEventCursor } from "./cursor";
import type { RouteContext } from "./context";
import { invalid, readEnum, readLimit, readList, readTime } from "./params";

export const EVENTS_WINDOW_MS = 14 * 86_400_000;

/** GET …/events: the last 14 days before the anchor, filtered, sorted, paged by an inclusive position cursor. */
export function answerEvents(ctx: RouteContext): unknown {
  const { query, profile, anchorMs } = ctx;
  const start = readTime(query, "start");
  const end = readTime(query, "end");
  const include = readList(query, "include");
  const exclude = readList(query, "exclude");
  const sort = readEnum(query, "sort", ["asc", "desc"] as const, "desc");
  const limit = readLimit(query, 1, 100, 10);
  if (start !== undefined && end !== undefined && start >= end) throw invalid("start", "must be before `end`");
  const next = query.get("next");
  const cursor = next ? decodeEventCursor(next) : undefined;

  const from = Math.max(anchorMs - EVENTS_WINDOW_MS, start ?? -Infinity);
  const to = Math.min(anchorMs, end ?? Infinity);
  const matching = profile.events.filter(
    (e) =>
      e.ms > from && e.ms <= to && (!include || include.includes(e.event)) && (!exclude || !exclude.includes(e.event)),
  );
  if (sort === "desc") matching.reverse();
  const before = (e: SeedEvent) => (sort === "desc" ? isAfter(e, cursor) : isAfter(cursor, e));
  const first = cursor ? matching.findIndex((e) => !before(e)) : 0;
  const page = first < 0 ? [] : matching.slice(first, first + limit);
  const following = first < 0 ? undefined : matching[first + limit];
  const nextCursor = following ? encodeEventCursor(following.ms, following.message_id) : "";
  return {
    data: page.map((e) => e.body),
    cursor: { url: ctx.urlWith(nextCursor), has_more: following !== undefined, next: nextCursor },
  };
}

type Position = { ms: number; message_id?: string; messageId?: string } | undefined;

/** Whether position a comes strictly after position b in ascending (time, message id) order. */
function isAfter(a: Position, b: Position): boolean {
  if (!a || !b) return false;
  if (a.ms !== b.ms) return a.ms > b.ms;
  return (a.message_id ?? a.messageId ?? "") > (b.message_id ?? b.messageId ?? "");
}
