import { badCursor } from "./cursor";
import { wireExternalId, type RouteContext } from "./context";
import { readBoolean, readLimit, readList } from "./params";

/** GET …/external_ids: newest first; `next` is the mapping id of the first record of the next page. */
export function answerExternalIds(ctx: RouteContext): unknown {
  const { query, profile } = ctx;
  const include = readList(query, "include");
  const limit = readLimit(query, 1, 100, 25);
  readBoolean(query, "verbose"); // accepted; records are always complete (the docs' sample shows every field)
  const ids = profile.external_ids.filter((id) => (include ? include.includes(id.type) : true));
  const next = query.get("next");
  let from = 0;
  if (next) {
    from = ids.findIndex((id) => id.map_id === next);
    if (from < 0) throw badCursor();
  }
  const page = ids.slice(from, from + limit);
  const following = ids[from + limit];
  const nextId = following?.map_id ?? "";
  return {
    data: page.map((id) => wireExternalId(id)),
    cursor: { url: ctx.urlWith(nextId), has_more: following !== undefined, next: nextId },
  };
}
