import type { ProfileEvent } from "@/lib/core/api-types";

/** Names that mean something went wrong for the customer: shown in the danger tone, the rest in the accent tone. */
const TROUBLE = /(fail|declin|cancel|refund|error|churn|dispute|chargeback|ticket)/i;

export type ImportantTone = "danger" | "accent";

export function importantTone(eventName: string): ImportantTone {
  return TROUBLE.test(eventName) ? "danger" : "accent";
}

/** Whether an event is one of the configured important names (exact, as the API's include filter matches). */
export function isImportantEvent(event: ProfileEvent, names: ReadonlySet<string>): boolean {
  return event.type === "track" && typeof event.event === "string" && names.has(event.event);
}

/** One line of what the event was about: amount with currency, then the reason or subject, then a priority. */
export function importantDetail(event: ProfileEvent): string {
  const p = event.properties ?? {};
  const parts: string[] = [];
  const amount = p.amount ?? p.total ?? p.revenue;
  if (typeof amount === "number") {
    const currency = typeof p.currency === "string" ? p.currency : "USD";
    try {
      parts.push(new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount));
    } catch {
      parts.push(`${amount} ${currency}`);
    }
  }
  for (const key of ["reason", "subject", "plan", "priority"]) {
    const value = p[key];
    if (typeof value === "string" && value)
      parts.push(key === "priority" ? `${value} priority` : value.replace(/_/g, " "));
  }
  return parts.slice(0, 3).join(" · ");
}
