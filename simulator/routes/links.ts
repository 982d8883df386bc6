import { decodeOffsetCursor, encodeOffsetCursor } from "./cursor";
import { wireExternalId, type RouteContext } from "./context";
import { readLimit } from "./params";

const PREFIX = "lnk_";

/** GET …/links: users → accounts, accounts → users; at most 20 per page. */
export function answerLinks(ctx: RouteContext): unknown {
  const { query, profile } = ctx;
  const limit = readLimit(query, 1, 20, 20);
  const next = query.get("next");
  const from = next ? decodeOffsetCursor(PREFIX, next) : 0;
  const page = profile.links.slice(from, from + limit);
  const hasMore = from + limit < profile.links.length;
  const nextCursor = hasMore ? encodeOffsetCursor(PREFIX, from + limit) : "";
  return {
    data: page.map((linked) => ({
      to_collection: linked.collection,
      external_ids: linked.external_ids.map((id) => wireExternalId(id, false)),
    })),
    cursor: { url: ctx.urlWith(nextCursor), has_more: hasMore, next: nextCursor },
  };
}
