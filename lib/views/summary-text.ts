import { isMaskedValue, type JsonValue, type ProfileEvent, type ProfileSummary } from "@/lib/core/api-types";
import { importantDetail } from "./important-events";
import { displayName } from "./profile-summary";

/**
 * The short profile summary an agent pastes into a ticket reply ("Insert into reply" in Zendesk, "Copy summary"
 * everywhere): the name, the plan and the just-happened events. It is built only from what the browser already
 * holds, and a value the server masked (MASKED_TRAITS / MASKED_ID_TYPES) arrives as a placeholder for every role —
 * even a supervisor's revealed value lives only in its own component — so nothing masked can end up here. Placeholders
 * and anything that is not plain text are left out rather than shown as hints: a reply is no place for "…0001".
 * Times are absolute and in UTC, since the text outlives the moment it was copied and is read in other time zones.
 */

const UTC_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "3 Dec 2026, 17:55 UTC", or null for a timestamp that is not a date. */
export function formatUtc(iso: string): string | null {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : `${UTC_TIME.format(time)} UTC`;
}

/** A trait as one line of plain text, or null when it is missing, masked or not a plain value. */
function plainText(value: JsonValue | undefined): string | null {
  if (value === undefined || value === null || isMaskedValue(value)) return null;
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function eventLine(event: ProfileEvent): string {
  const name = event.event ?? event.type;
  const when = formatUtc(event.timestamp);
  const detail = importantDetail(event);
  return `- ${name}${when ? `, ${when}` : ""}${detail ? ` (${detail})` : ""}`;
}

export type SummaryTextInput = {
  summary: ProfileSummary | undefined;
  /** The just-happened events, newest first; undefined while not loaded (the text then says nothing about them). */
  events: readonly ProfileEvent[] | undefined;
  /** The trait holding the plan. */
  planTrait?: string;
};

/** The summary as plain text lines (no markup: Zendesk's appendText inserts it as typed text). */
export function buildSummaryText({ summary, events, planTrait = "plan" }: SummaryTextInput): string {
  const lines = [`Customer: ${displayName(summary) ?? "name unknown"}`];
  const plan = plainText(summary?.traits?.[planTrait] ?? summary?.computed_traits?.[planTrait]);
  if (plan) lines.push(`Plan: ${plan}`);
  if (events) {
    if (events.length === 0) lines.push("Just happened: nothing important in the last 14 days.");
    else lines.push("Just happened:", ...events.map(eventLine));
  }
  return lines.join("\n");
}
