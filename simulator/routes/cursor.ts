import { SimError } from "../http-util";

/**
 * Cursor codecs. Every `next` names the first item of the next page (like the docs' samples):
 * traits use the next trait key, external_ids and links an internal record id, events
 * base64("<unix-nanos>::<message_id>") exactly like the docs' events sample.
 */
export function encodeEventCursor(ms: number, messageId: string): string {
  return Buffer.from(`${BigInt(ms) * 1_000_000n}::${messageId}`).toString("base64");
}

export function decodeEventCursor(next: string): { ms: number; messageId: string } {
  const text = Buffer.from(next, "base64").toString("utf8");
  const match = /^(\d{1,20})::(.+)$/.exec(text);
  if (!match || Buffer.from(text).toString("base64").replace(/=+$/, "") !== next.replace(/=+$/, "")) throw badCursor();
  return { ms: Number(BigInt(match[1] ?? "0") / 1_000_000n), messageId: match[2] ?? "" };
}

/** Links pages: `lnk_` + base64url of the offset (opaque to callers). */
export function encodeOffsetCursor(prefix: string, offset: number): string {
  return `${prefix}${Buffer.from(`o:${offset}`).toString("base64url")}`;
}

export function decodeOffsetCursor(prefix: string, next: string): number {
  if (!next.startsWith(prefix)) throw badCursor();
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(next.slice(prefix.length), "base64url").toString("utf8"));
  if (!match) throw badCursor();
  return Number(match[1]);
}

export function badCursor(): SimError {
  return new SimError(400, "invalid_request_error", "The parameter `next` is not a valid cursor.");
}

/** The absolute URL of a list, carrying the request's parameters plus `next` (the docs' sample adds router params too). */
export function listUrl(
  base: string,
  path: string,
  ids: { collection: string; id: string; space: string },
  q: URLSearchParams,
  next: string,
): string {
  const params = new URLSearchParams();
  params.set(":collection", ids.collection);
  params.set(":id", ids.id);
  params.set(":namespace", ids.space);
  for (const [k, v] of q) if (k !== "next" && !k.startsWith(":")) params.append(k, v);
  if (next) params.set("next", next);
  return `${base}${path}?${params.toString().replace(/\+/g, "%20")}`;
}
