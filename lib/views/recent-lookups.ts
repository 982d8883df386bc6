import { isCollection, type Collection } from "@/lib/core/identifiers";
import { isHandleShaped } from "@/lib/core/profile-ref";

/**
 * Recent lookups, for this browser tab's session only (sessionStorage): identifiers are customer data, so they
 * never outlive the session or reach another tab's history. Only profiles that were found are added (by the profile
 * view, once its summary answered), with the customer's name. Each is opened by its handle (`id`, DESIGN §10); the
 * `label` (the identifier it was found by) is only shown. An entry of an older version (an identifier as `id`) is
 * dropped: its link would put the identifier in the address.
 */
export type RecentLookup = { collection: Collection; id: string; label: string; name?: string };

export const RECENT_LOOKUPS_KEY = "profile-sidebar:recent-lookups";
export const MAX_RECENT_LOOKUPS = 8;

export function readRecentLookups(storage: Pick<Storage, "getItem">): RecentLookup[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(RECENT_LOOKUPS_KEY) ?? "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (item): item is RecentLookup =>
        typeof item === "object" &&
        item !== null &&
        typeof (item as RecentLookup).id === "string" &&
        isHandleShaped((item as RecentLookup).id) &&
        typeof (item as RecentLookup).label === "string" &&
        isCollection(String((item as RecentLookup).collection)) &&
        ((item as RecentLookup).name === undefined || typeof (item as RecentLookup).name === "string"),
    );
  } catch {
    return [];
  }
}

/** Adds a lookup at the front (moving it if already there) and keeps the newest few. */
export function addRecentLookup(list: readonly RecentLookup[], entry: RecentLookup): RecentLookup[] {
  const rest = list.filter((item) => !(item.collection === entry.collection && item.id === entry.id));
  return [entry, ...rest].slice(0, MAX_RECENT_LOOKUPS);
}

export function saveRecentLookup(storage: Pick<Storage, "getItem" | "setItem">, entry: RecentLookup): RecentLookup[] {
  const next = addRecentLookup(readRecentLookups(storage), entry);
  try {
    storage.setItem(RECENT_LOOKUPS_KEY, JSON.stringify(next));
  } catch {
    /* storage full or disabled: recents are a convenience */
  }
  return next;
}
