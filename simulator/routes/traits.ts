import type { JsonValue } from "../seed/types";
import type { RouteContext } from "./context";
import { readBoolean, readEnum, readLimit, readList } from "./params";

/** GET …/traits: byte-ordered keys; `next` is the key the next page starts at. */
export function answerTraits(ctx: RouteContext): unknown {
  const { query, profile } = ctx;
  const cls = readEnum(query, "class", ["audience", "computed_trait"] as const);
  const include = readList(query, "include");
  const limit = readLimit(query, 1, 200, 10);
  const verbose = readBoolean(query, "verbose");
  const start = query.get("next") ?? "";

  const keys = Object.keys(profile.traits)
    .filter((k) => (include ? include.includes(k) : true))
    .filter((k) => (cls ? profile.traits[k]?.class === cls : true))
    .sort(compareBytes);
  const from = start ? keys.findIndex((k) => compareBytes(k, start) >= 0) : 0;
  const slots = from < 0 ? [] : keys.slice(from, from + limit);
  const nextKey = from < 0 ? undefined : keys[from + limit];

  const traits: Record<string, JsonValue> = {};
  for (const key of slots) {
    const t = profile.traits[key];
    // Consent preferences are never answered (docs); their slot still counts toward the page.
    if (!t || t.class === "consent") continue;
    traits[key] = verbose ? { value: t.value, source_id: t.source_id, updated_at: t.updated_at } : t.value;
  }
  const next = nextKey ?? "";
  return { traits, cursor: { url: ctx.urlWith(next), has_more: nextKey !== undefined, next, limit } };
}

function compareBytes(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}
