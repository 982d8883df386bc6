import "server-only";
import type { ProfileEvent } from "@/lib/core/api-types";
import type { Collection, ProfileIdentifier } from "@/lib/core/identifiers";
import type { ProfileApi } from "@/lib/profile-api/client";
import type { RouteResult } from "./with-agent";

/** How many of the newest events one poll looks at; more new events than this since `after` is a gap (complete: false). */
export const NEW_EVENTS_HEAD = 50;

export type NewEventsQuery = { after: string; include?: string[]; exclude?: string[] };
export type NewEventsBody = { data: ProfileEvent[]; complete: boolean };

/**
 * The live timeline's poll: the events at or after `after` (the newest one the agent's timeline shows; the browser
 * drops the ones it already has). Every agent on a profile sends a different `after`, so the upstream call does not
 * carry it: it is always the same head page (newest NEW_EVENTS_HEAD, same name filters), cached for one polling
 * interval and coalesced, and `after` is applied here. However many agents poll, the Profile API sees at most one
 * call per interval per profile (and filter).
 */
export async function newEventsSince(
  api: ProfileApi,
  target: { collection: Collection; id: ProfileIdentifier },
  query: NewEventsQuery,
  options: { signal: AbortSignal; refresh: boolean; intervalSeconds: number },
): Promise<RouteResult> {
  const head = await api.events(
    target.collection,
    target.id,
    { limit: NEW_EVENTS_HEAD, include: query.include, exclude: query.exclude },
    { signal: options.signal, refresh: options.refresh, ttlMs: options.intervalSeconds * 1000 },
  );
  const afterMs = Date.parse(query.after);
  const events = head.body.data;
  const data = events.filter((event) => Date.parse(event.timestamp) >= afterMs);
  // Every event of the head page is new and there are more: some new events are not in this answer.
  const complete = data.length < events.length || !head.body.cursor?.has_more;
  const body: NewEventsBody = { data, complete };
  return { body, requestId: head.requestId, cache: head.cache };
}
