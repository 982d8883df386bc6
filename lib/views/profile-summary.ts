import type { JsonValue, ProfileSummary } from "@/lib/core/api-types";
import type { ViewSettings } from "./view-settings";

/**
 * The summary header's content, read from the summary call alone (the first paint): who this is, a few key facts,
 * flags, audience memberships and the customer's local time. Pure, so the rules are unit-tested.
 */

/** A value the server masked for this agent (issue 13): shown as its hint, never as JSON. */
export type MaskedValue = { masked: true; hint?: string };

export function isMaskedValue(value: unknown): value is MaskedValue {
  return typeof value === "object" && value !== null && (value as { masked?: unknown }).masked === true;
}

export type SummaryFact =
  | { key: string; label: string; kind: "text"; text: string }
  | { key: string; label: string; kind: "date"; iso: string }
  | { key: string; label: string; kind: "masked"; text: string };

export function displayName(summary: ProfileSummary | undefined): string | null {
  const traits = summary?.traits ?? {};
  const name =
    traits.name ?? ([traits.first_name, traits.last_name].filter((p) => typeof p === "string").join(" ") || undefined);
  return typeof name === "string" && name.trim() ? name.trim() : null;
}

/** "lifetime_value" → "Lifetime value". */
export function humanizeKey(key: string): string {
  const words = key.replace(/[_.-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const MONEY_KEY = /(^|_)(value|revenue|amount|total|spend|ltv|mrr|arr|price|balance)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** One fact's value as the header shows it, or null when there is nothing worth a line. */
export function formatFact(key: string, value: JsonValue | undefined, currency: string): SummaryFact | null {
  const label = humanizeKey(key);
  if (value === null || value === undefined || value === "") return null;
  if (isMaskedValue(value))
    return { key, label, kind: "masked", text: value.hint ? `hidden (${value.hint})` : "hidden" };
  if (typeof value === "number") {
    const text = MONEY_KEY.test(key) ? formatMoney(value, currency) : value.toLocaleString("en-US");
    return { key, label, kind: "text", text };
  }
  if (typeof value === "boolean") return { key, label, kind: "text", text: value ? "yes" : "no" };
  if (typeof value === "string") {
    if (ISO_DATE.test(value.trim()) && !Number.isNaN(Date.parse(value)))
      return { key, label, kind: "date", iso: value.trim() };
    return { key, label, kind: "text", text: value };
  }
  if (Array.isArray(value)) {
    const items = value.filter((v) => typeof v === "string" || typeof v === "number");
    return items.length ? { key, label, kind: "text", text: items.join(", ") } : null;
  }
  // A nested object: its name (company → "Acme Corp"), or an amount with its currency.
  const name = value.name ?? value.title;
  if (typeof name === "string" && name) return { key, label, kind: "text", text: name };
  if (typeof value.amount === "number" && typeof value.currency === "string")
    return { key, label, kind: "text", text: formatMoney(value.amount, value.currency) };
  return null;
}

function traitOf(summary: ProfileSummary, key: string): JsonValue | undefined {
  return summary.traits?.[key] ?? summary.computed_traits?.[key];
}

export function summaryFacts(
  summary: ProfileSummary,
  settings: Pick<ViewSettings, "summaryTraits" | "currency">,
): SummaryFact[] {
  return settings.summaryTraits
    .map((key) => formatFact(key, traitOf(summary, key), settings.currency))
    .filter((fact): fact is SummaryFact => fact !== null);
}

/** The configured flags that are true, in traits, computed traits or audiences ("Vip support", "Churn risk"). */
export function summaryFlags(summary: ProfileSummary, flagTraits: readonly string[]): { key: string; label: string }[] {
  return flagTraits
    .filter((key) => (traitOf(summary, key) ?? summary.audiences?.[key]) === true)
    .map((key) => ({ key, label: humanizeKey(key) }));
}

/** Audiences the customer is a member of (not the ones shown as flags). */
export function audienceMemberships(summary: ProfileSummary, flagTraits: readonly string[]): string[] {
  const flags = new Set(flagTraits);
  return Object.entries(summary.audiences ?? {})
    .filter(([key, value]) => value === true && !flags.has(key))
    .map(([key]) => key)
    .sort((a, b) => a.localeCompare(b));
}

/** The customer's local time ("14:05 Europe/London"), or null when the trait is missing or not a time zone. */
export function customerLocalTime(
  summary: ProfileSummary,
  timezoneTrait: string,
  now: Date,
): { time: string; zone: string } | null {
  const zone = summary.traits?.[timezoneTrait];
  if (typeof zone !== "string" || !zone) return null;
  try {
    const time = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    }).format(now);
    return { time, zone };
  } catch {
    return null;
  }
}
