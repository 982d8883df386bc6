import { SimError } from "../http-util";

/** Query parameter readers: each bad value → 400 invalid_request_error naming the parameter. */
export function invalid(name: string, expected: string): SimError {
  return new SimError(400, "invalid_request_error", `The parameter \`${name}\` ${expected}.`);
}

export function readLimit(q: URLSearchParams, min: number, max: number, fallback: number): number {
  const raw = q.get("limit");
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw invalid("limit", `must be an integer between ${min} and ${max}`);
  return n;
}

export function readBoolean(q: URLSearchParams, name: string): boolean {
  const raw = q.get(name);
  if (raw === null || raw === "" || raw === "false") return false;
  if (raw === "true") return true;
  throw invalid(name, "must be `true` or `false`");
}

/** A comma-separated list; empty items are dropped; undefined when absent or empty. */
export function readList(q: URLSearchParams, name: string): string[] | undefined {
  const raw = q.get(name);
  if (raw === null) return undefined;
  const items = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

export function readEnum<T extends string>(
  q: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback?: T,
): T | undefined {
  const raw = q.get(name);
  if (raw === null || raw === "") return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw invalid(name, `must be one of ${allowed.map((a) => `\`${a}\``).join(", ")}`);
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 date (`2006-01-02`, midnight UTC) or date-time (no zone = UTC); returns epoch ms. */
export function readTime(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name);
  if (raw === null || raw === "") return undefined;
  if (!ISO_8601.test(raw))
    throw invalid(name, "must be an ISO 8601 date or date-time, like `2006-01-02` or `2006-01-02T15:04:05Z`");
  let text = raw.replace(" ", "T");
  if (text.length === 10) text += "T00:00:00Z";
  else if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text)) text += "Z";
  text = text.replace(/(\.\d{3})\d+/, "$1");
  const ms = Date.parse(text);
  const [y, m, d] = raw.slice(0, 10).split("-").map(Number);
  const day = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  if (Number.isNaN(ms) || day.getUTCDate() !== d || day.getUTCMonth() !== (m ?? 1) - 1)
    throw invalid(name, "is not a valid date");
  return ms;
}
