/**
 * Date and time formatting for the agent views. Pure functions of their inputs (the caller passes `now`), so the
 * tests are deterministic and server and browser agree. Everything is shown in the agent's local time zone.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "5 min ago", "3 h ago", "2 days ago"; future times (clock skew) read as "just now"; past 30 days the
 * date, in `timeZone` (default: the agent's own zone).
 */
export function formatRelativeTime(iso: string, now: Date, timeZone?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const elapsed = now.getTime() - time;
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  const days = Math.floor(elapsed / DAY);
  if (days < 30) return days === 1 ? "1 day ago" : `${days} days ago`;
  return formatDate(iso, timeZone);
}

const DAY_MONTH_YEAR = { day: "numeric", month: "short", year: "numeric" } as const;

/** A timestamp in British order with `options`; what is not a timestamp is shown as it came. */
function formatIso(iso: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString("en-GB", options);
}

/** "23 Nov 2026, 14:05:09" — the absolute time behind every relative one. */
export function formatDateTime(iso: string): string {
  return formatIso(iso, { ...DAY_MONTH_YEAR, hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** "23 Nov 2026, 14:05 GMT+1": the absolute time with the agent's time zone, behind a relative time. */
export function formatDateTimeWithZone(iso: string, timeZone?: string): string {
  return formatIso(iso, { ...DAY_MONTH_YEAR, hour: "2-digit", minute: "2-digit", timeZoneName: "short", timeZone });
}

/** "23 Nov 2026". */
export function formatDate(iso: string, timeZone?: string): string {
  return formatIso(iso, { ...DAY_MONTH_YEAR, timeZone });
}

/** The local calendar day of a timestamp, `YYYY-MM-DD`: the timeline's grouping key. */
export function dayKey(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Today", "Yesterday" or "Mon 16 Nov" for a `dayKey`. */
export function formatDayHeading(key: string, now: Date): string {
  if (key === dayKey(now.toISOString())) return "Today";
  if (key === dayKey(new Date(now.getTime() - DAY).toISOString())) return "Yesterday";
  const [y, m, d] = key.split("-").map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  return date.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" });
}
