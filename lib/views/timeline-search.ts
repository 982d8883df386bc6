import type { ProfileEvent } from "@/lib/core/api-types";
import { eventTitle, keyProperties } from "./timeline-rows";

/**
 * Timeline search over what is loaded: free text, case-insensitive, every word must appear in the row's label
 * (eventTitle: what the agent reads, e.g. "Viewed screen Home"), the API's event name (`Screen Viewed`), the call type
 * or a key property. The label picker filters by the same label the row shows, so what you see is what you pick.
 */

export type TimelineSearch = { text: string; label: string | null };

export const EMPTY_SEARCH: TimelineSearch = { text: "", label: null };

/** The words of a search, lower-cased; an empty search has none. */
export function searchTerms(text: string): string[] {
  return text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/** Everything a search term may hit in one event, lower-cased. */
export function searchableText(event: ProfileEvent): string {
  const parts = [eventTitle(event), event.event ?? "", event.type];
  for (const [key, value] of keyProperties(event, 8)) parts.push(key, value);
  return parts.join("\n").toLocaleLowerCase();
}

export function isSearchActive(search: TimelineSearch): boolean {
  return search.label !== null || searchTerms(search.text).length > 0;
}

/** The loaded events this search keeps, in their order. */
export function searchEvents(events: readonly ProfileEvent[], search: TimelineSearch): ProfileEvent[] {
  const terms = searchTerms(search.text);
  if (terms.length === 0 && search.label === null) return [...events];
  return events.filter((event) => {
    if (search.label !== null && eventTitle(event) !== search.label) return false;
    if (terms.length === 0) return true;
    const text = searchableText(event);
    return terms.every((term) => text.includes(term));
  });
}

export type SeenLabel = { label: string; count: number };

/** The labels of the loaded events, most frequent first (ties in alphabetical order): the picker's choices. */
export function seenLabels(events: readonly ProfileEvent[]): SeenLabel[] {
  const counts = new Map<string, number>();
  for (const event of events) {
    const label = eventTitle(event);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** "support ticket" or "Viewed screen Home": what the empty result names. */
export function describeSearch(search: TimelineSearch): string {
  const text = search.text.trim();
  if (search.label !== null && text) return `${search.label}: ${text}`;
  return search.label ?? text;
}
