import type { ProfileEvent } from "@/lib/core/api-types";
import { eventKey } from "./event-key";
import { dayKey } from "./format";

/**
 * The timeline as a flat list of rows for the virtualized list: a heading per day, then that day's events newest
 * first, with runs of consecutive page views folded into one row.
 */
export type TimelineRow =
  | { kind: "day"; key: string; day: string }
  | { kind: "event"; key: string; event: ProfileEvent }
  | { kind: "pages"; key: string; events: ProfileEvent[] };

/** A run shorter than this stays as separate rows: folding two rows into one saves nothing. */
export const MIN_FOLDED_PAGE_VIEWS = 3;

function pushRun(rows: TimelineRow[], run: { event: ProfileEvent; key: string }[]): void {
  const first = run[0];
  if (!first) return;
  if (run.length >= MIN_FOLDED_PAGE_VIEWS) {
    rows.push({ kind: "pages", key: `pages:${first.key}`, events: run.map((r) => r.event) });
  } else {
    for (const r of run) rows.push({ kind: "event", key: r.key, event: r.event });
  }
}

/**
 * Builds the rows from events already sorted newest first (the API's default order). A fold never spans two days,
 * so every row sits under its own day heading.
 */
export function buildTimelineRows(events: readonly ProfileEvent[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let currentDay: string | null = null;
  let run: { event: ProfileEvent; key: string }[] = [];
  events.forEach((event, index) => {
    const day = dayKey(event.timestamp);
    const key = eventKey(event, index);
    if (day !== currentDay) {
      pushRun(rows, run);
      run = [];
      rows.push({ kind: "day", key: `day:${day}`, day });
      currentDay = day;
    }
    if (event.type === "page") {
      run.push({ event, key });
      return;
    }
    pushRun(rows, run);
    run = [];
    rows.push({ kind: "event", key, event });
  });
  pushRun(rows, run);
  return rows;
}

/** Keeps the events whose type is selected; an empty selection means every type. */
export function filterByType(events: readonly ProfileEvent[], types: ReadonlySet<string>): ProfileEvent[] {
  if (types.size === 0) return [...events];
  return events.filter((event) => types.has(event.type));
}

const KEY_PROPERTIES = [
  "name",
  "title",
  "path",
  "url",
  "order_id",
  "total",
  "revenue",
  "amount",
  "currency",
  "plan",
  "reason",
  "product",
  "group_id",
  "previous_id",
];

/** A few properties worth a glance (the rest is in the expanded JSON): known keys first, then scalar ones. */
export function keyProperties(event: ProfileEvent, max = 3): [string, string][] {
  const source =
    event.type === "identify" || event.type === "group"
      ? { ...event.properties, ...event.traits }
      : (event.properties ?? {});
  const scalar: [string, string | number | boolean][] = [];
  for (const [k, v] of Object.entries(source)) {
    if ((typeof v === "string" && v !== "") || typeof v === "number" || typeof v === "boolean") scalar.push([k, v]);
  }
  const rank = (key: string) => {
    const i = KEY_PROPERTIES.indexOf(key);
    return i < 0 ? KEY_PROPERTIES.length : i;
  };
  return scalar
    .sort(([a], [b]) => rank(a) - rank(b))
    .slice(0, max)
    .map(([k, v]) => [k, String(v)]);
}

/** The name shown for an event: the track name, or the page/screen name, or the call type. */
export function eventTitle(event: ProfileEvent): string {
  if (event.type === "page" || event.type === "screen") {
    const name = event.properties?.name ?? event.properties?.title;
    if (typeof name === "string" && name) return `${event.type === "page" ? "Viewed page" : "Viewed screen"} ${name}`;
  }
  if (event.event) return event.event;
  return event.type.charAt(0).toUpperCase() + event.type.slice(1);
}

/** Splits a comma list typed by the agent into event names (trimmed, no empties, no duplicates). */
export function parseEventNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The day each row belongs to (a day heading is its own day): the sticky heading names the day of the top row. */
export function rowDays(rows: readonly TimelineRow[]): string[] {
  let day = "";
  return rows.map((row) => {
    if (row.kind === "day") day = row.day;
    return day;
  });
}
