import { isMaskedValue, type JsonValue, type ProfileSummary } from "@/lib/core/api-types";

/**
 * How a trait value is shown. Traits arrive as bare JSON, so the kind is read from the value itself: a string that
 * looks like money, a date or a link is shown as one; objects and arrays are collapsed JSON.
 */
export type TraitValueView =
  | { kind: "empty" }
  | { kind: "boolean"; value: boolean }
  | { kind: "number"; value: number; text: string }
  | { kind: "currency"; text: string }
  | { kind: "date"; iso: string; dateOnly: boolean }
  | { kind: "url"; href: string; text: string }
  /** The value itself: its indented text is built in the browser when opened (components/ui/lazy-json.tsx). */
  | { kind: "json"; summary: string; value: JsonValue }
  | { kind: "text"; text: string };

// "$1,250.00", "£299", "€ 12.5", "1,250.00 USD", "-$3.10"
const CURRENCY =
  /^(-?[$€£¥₹]\s?-?\d{1,3}(,\d{3})*(\.\d+)?|-?\d+(,\d{3})*(\.\d+)?\s?(USD|EUR|GBP|JPY|CAD|AUD|CHF|INR))$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isMoneyObject(value: { [key: string]: JsonValue }): value is { amount: number; currency: string } {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof value.amount === "number" && typeof value.currency === "string";
}

function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

function viewString(value: string): TraitValueView {
  const trimmed = value.trim();
  if (trimmed === "") return { kind: "empty" };
  if (CURRENCY.test(trimmed)) return { kind: "currency", text: trimmed };
  if (ISO_DATE.test(trimmed) && !Number.isNaN(Date.parse(trimmed))) {
    return { kind: "date", iso: trimmed, dateOnly: trimmed.length === 10 };
  }
  if (/^https?:\/\/[^\s]+$/i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      return { kind: "url", href: url.href, text: `${url.host}${url.pathname === "/" ? "" : url.pathname}` };
    } catch {
      /* not a URL after all: plain text */
    }
  }
  return { kind: "text", text: value };
}

export function viewTraitValue(value: JsonValue | undefined): TraitValueView {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "number") return { kind: "number", value, text: value.toLocaleString("en-US") };
  if (typeof value === "string") return viewString(value);
  if (!Array.isArray(value) && isMoneyObject(value)) {
    return { kind: "currency", text: formatMoney(value.amount, value.currency) };
  }
  const summary = Array.isArray(value)
    ? `${value.length} item${value.length === 1 ? "" : "s"}`
    : `${Object.keys(value).length} field${Object.keys(value).length === 1 ? "" : "s"}`;
  return { kind: "json", summary, value };
}

/**
 * Orders trait keys for display: the pinned keys first, in the configured order (only those present), then the
 * rest alphabetically. `query` filters by key, case-insensitively.
 */
export function orderTraitKeys(
  keys: string[],
  pinned: readonly string[],
  query = "",
): { key: string; pinned: boolean }[] {
  const needle = query.trim().toLowerCase();
  const matches = (key: string) => needle === "" || key.toLowerCase().includes(needle);
  const present = new Set(keys);
  const pinnedKeys = pinned.filter((key) => present.has(key) && matches(key));
  const pinnedSet = new Set(pinnedKeys);
  const rest = keys.filter((key) => !pinnedSet.has(key) && matches(key)).sort((a, b) => a.localeCompare(b));
  return [...pinnedKeys.map((key) => ({ key, pinned: true })), ...rest.map((key) => ({ key, pinned: false }))];
}

/**
 * The keys of a profile's computed traits and audiences. The API's plain traits list includes them (audiences as
 * true/false), so the Traits tab leaves these out: each is shown once, in its own tab.
 */
export function otherClassKeys(summary: ProfileSummary | undefined): ReadonlySet<string> | null {
  if (!summary) return null;
  return new Set([...Object.keys(summary.computed_traits ?? {}), ...Object.keys(summary.audiences ?? {})]);
}

/** What "copy" puts on the clipboard for a trait value, or null: nothing to copy, or masked (only its hint is shown). */
export function traitCopyText(value: JsonValue | undefined): string | null {
  if (value === undefined || value === null || isMaskedValue(value)) return null;
  if (typeof value === "string") return value.trim() ? value : null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
