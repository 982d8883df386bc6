/**
 * Query keys and options for everything the agent views fetch from the BFF. Components call useQuery /
 * useInfiniteQuery with these directly. Every key starts with ['profile', collection, id] so one profile's data
 * can be refreshed (or dropped) as a whole. `id` is the profile's handle (DESIGN §10): keys and URLs name a profile by
 * it, never by its identifier; the server's prefetch uses the same keys.
 */
import { infiniteQueryOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type {
  EventsPage,
  ExternalIdsPage,
  LinksPage,
  MetadataResponse,
  ProfileEvent,
  ProfileSummary,
  TraitsPage,
  VerboseTraitsPage,
} from "@/lib/core/api-types";
import type { Collection } from "@/lib/core/identifiers";
import { bffProfilePath } from "@/lib/core/paths";
import { BffError } from "./bff-fetch";
import { bffFetcherOf } from "./client-fetcher";

export type TraitClass = "trait" | "computed_trait" | "audience";
export type TraitsParams = { class: TraitClass; verbose: boolean; limit: number; include?: string[] };
/** Page size of the traits panel; "Load more" follows the cursor (the API allows up to 200 per page). */
export const TRAITS_PAGE_SIZE = 50;

/** The traits panel's first query (plain traits, not verbose): the page the server prefetches for the first paint. */
export const FIRST_TRAITS_PARAMS: TraitsParams = { class: "trait", verbose: false, limit: TRAITS_PAGE_SIZE };

/** Identities per page: the first page (which the server prefetches) and each "Load more". */
export const EXTERNAL_IDS_PAGE_SIZE = 100;

/** The query string of one traits page: the browser's fetch and the server prefetch's rewritten cursor both use it. */
export function traitsSearch(params: TraitsParams, next?: string): URLSearchParams {
  const query = new URLSearchParams({ limit: String(params.limit) });
  if (params.class !== "trait") query.set("class", params.class);
  if (params.verbose) query.set("verbose", "true");
  if (params.include?.length) query.set("include", params.include.join(","));
  if (next) query.set("next", next);
  return query;
}

/** The query string of a few traits by key (see keyTraitsQuery). */
export function keyTraitsSearch(include: readonly string[], verbose = false): URLSearchParams {
  const query = new URLSearchParams({ include: include.join(","), limit: String(include.length) });
  if (verbose) query.set("verbose", "true");
  return query;
}

/** The query string of one identities page. */
export function externalIdsSearch(next?: string): URLSearchParams {
  const query = new URLSearchParams({ limit: String(EXTERNAL_IDS_PAGE_SIZE) });
  if (next) query.set("next", next);
  return query;
}

export type EventsParams = { include: string[]; exclude: string[]; start?: string; end?: string; limit: number };

export const profileKeys = {
  all: (collection: Collection, id: string) => ["profile", collection, id] as const,
  summary: (collection: Collection, id: string) => [...profileKeys.all(collection, id), "summary"] as const,
  traits: (collection: Collection, id: string, params: TraitsParams) =>
    [...profileKeys.all(collection, id), "traits", params] as const,
  externalIds: (collection: Collection, id: string) => [...profileKeys.all(collection, id), "external_ids"] as const,
  events: (collection: Collection, id: string, params: EventsParams) =>
    [...profileKeys.all(collection, id), "events", params] as const,
  metadata: (collection: Collection, id: string) => [...profileKeys.all(collection, id), "metadata"] as const,
  links: (collection: Collection, id: string) => [...profileKeys.all(collection, id), "links"] as const,
};

// Profiles the agent asked to refresh: while their queries refetch, each call bypasses the server cache.
const refreshing = new Set<string>();
const refreshKey = (collection: Collection, id: string) => `${collection}\n${id}`;

/** What a query function gets from React Query: its client (which carries the BFF fetcher) and its abort signal. */
type QueryContext = { client: QueryClient; signal: AbortSignal };

function fetchFor<T>({ client, signal }: QueryContext, collection: Collection, id: string, path: string): Promise<T> {
  return bffFetcherOf(client)<T>(path, { signal, refresh: refreshing.has(refreshKey(collection, id)) });
}

/** Re-fetches every query of one profile, asking the server to bypass its cache (the refresh button). */
export async function refreshProfile(client: QueryClient, collection: Collection, id: string): Promise<void> {
  const key = refreshKey(collection, id);
  refreshing.add(key);
  try {
    await client.refetchQueries({ queryKey: profileKeys.all(collection, id), type: "active" });
  } finally {
    refreshing.delete(key);
  }
}

/**
 * Don't retry what a retry cannot fix (404, 400, signed out, our token rejected); retry upstream hiccups, time-outs and
 * 429 a couple of times. The view shows its one failure message from the first failed attempt on (view-failure.tsx).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof BffError && error.code === "upstream_authentication_error") return false;
  if (error instanceof BffError && error.status > 0 && error.status < 500 && error.status !== 429) return false;
  return failureCount < 2;
}

export function retryDelay(attempt: number, error: unknown): number {
  if (error instanceof BffError && error.retryAfterSeconds) return error.retryAfterSeconds * 1000;
  return Math.min(1000 * 2 ** attempt, 8000);
}

/** How often, and how many times, a summary with failed parts asks again by itself. */
export const PARTIAL_SUMMARY_RETRY_MS = 5_000;
export const PARTIAL_SUMMARY_RETRIES = 6;

/**
 * A summary answers 200 even when some of its parts failed (they are null, explained in `errors`), so React Query's
 * own retries never see a failure. An outage that ends in the middle of the fan-out would leave the header half empty
 * until the agent clicks Refresh: such a summary asks again every PARTIAL_SUMMARY_RETRY_MS, at most
 * PARTIAL_SUMMARY_RETRIES times (the parts that answered come from the server cache).
 */
function partialSummaryRetry(query: { state: { data?: ProfileSummary; dataUpdateCount: number } }): number | false {
  const { data, dataUpdateCount } = query.state;
  const partial = data !== undefined && Object.keys(data.errors ?? {}).length > 0;
  return partial && dataUpdateCount <= PARTIAL_SUMMARY_RETRIES ? PARTIAL_SUMMARY_RETRY_MS : false;
}

export function summaryQuery(collection: Collection, id: string) {
  return queryOptions({
    queryKey: profileKeys.summary(collection, id),
    queryFn: (context) => fetchFor<ProfileSummary>(context, collection, id, bffProfilePath(collection, id)),
    refetchInterval: partialSummaryRetry,
  });
}

export function traitsQuery(collection: Collection, id: string, params: TraitsParams) {
  return infiniteQueryOptions({
    queryKey: profileKeys.traits(collection, id, params),
    initialPageParam: "",
    queryFn: ({ pageParam, ...context }) =>
      fetchFor<TraitsPage | VerboseTraitsPage>(
        context,
        collection,
        id,
        bffProfilePath(collection, id, "traits", traitsSearch(params, pageParam)),
      ),
    getNextPageParam: (last) => (last.cursor?.has_more && last.cursor.next ? last.cursor.next : undefined),
  });
}

/**
 * The traits worth a glance on a linked profile's card (fetched per card with `include`), and an account's name in the
 * summary header. Here, not with the cards: the header needs them on the first screen, the cards load after it.
 */
export const KEY_TRAITS: Record<Collection, string[]> = {
  accounts: ["name", "plan", "industry", "mrr", "employees"],
  users: ["name", "email", "plan", "title"],
};

/**
 * A few traits by key, one small page with `include`: a linked account card's key traits, or the traits panel's pinned
 * keys (fetched on their own so a pinned key on a later page is still shown first).
 */
export function keyTraitsQuery(collection: Collection, id: string, include: readonly string[], verbose = false) {
  const keys = [...include];
  return queryOptions({
    queryKey: profileKeys.traits(collection, id, { class: "trait", verbose, limit: keys.length, include: keys }),
    queryFn: (context) =>
      fetchFor<TraitsPage>(
        context,
        collection,
        id,
        bffProfilePath(collection, id, "traits", keyTraitsSearch(keys, verbose)),
      ),
    enabled: keys.length > 0,
  });
}

export function externalIdsQuery(collection: Collection, id: string) {
  return queryOptions({
    queryKey: profileKeys.externalIds(collection, id),
    queryFn: (context) =>
      fetchFor<ExternalIdsPage>(
        context,
        collection,
        id,
        bffProfilePath(collection, id, "external_ids", externalIdsSearch()),
      ),
  });
}

/**
 * The identities after the first page (externalIdsQuery, which the server prefetches): "Load more" in the identity
 * cards starts this at the first page's cursor and follows it.
 */
export function moreExternalIdsQuery(collection: Collection, id: string, firstNext: string) {
  return infiniteQueryOptions({
    queryKey: [...profileKeys.externalIds(collection, id), "more", firstNext] as const,
    initialPageParam: firstNext,
    queryFn: ({ pageParam, ...context }) =>
      fetchFor<ExternalIdsPage>(
        context,
        collection,
        id,
        bffProfilePath(collection, id, "external_ids", externalIdsSearch(pageParam)),
      ),
    getNextPageParam: (last) => (last.cursor?.has_more && last.cursor.next ? last.cursor.next : undefined),
  });
}

export function eventsQuery(collection: Collection, id: string, params: EventsParams) {
  return infiniteQueryOptions({
    queryKey: profileKeys.events(collection, id, params),
    initialPageParam: "",
    queryFn: ({ pageParam, ...context }) => {
      const query = new URLSearchParams({ limit: String(params.limit) });
      if (params.include.length) query.set("include", params.include.join(","));
      if (params.exclude.length) query.set("exclude", params.exclude.join(","));
      if (params.start) query.set("start", params.start);
      if (params.end) query.set("end", params.end);
      if (pageParam) query.set("next", pageParam);
      return fetchFor<EventsPage>(context, collection, id, bffProfilePath(collection, id, "events", query));
    },
    getNextPageParam: (last) => (last.cursor?.has_more && last.cursor.next ? last.cursor.next : undefined),
  });
}

export type NewEventsParams = { after: string; include: string[]; exclude: string[] };
export type NewEventsAnswer = { data: ProfileEvent[]; complete: boolean };

/**
 * The live timeline's poll (…/events/new): events at or after the newest one shown, every `intervalSeconds` while the
 * page is visible (React Query pauses the interval while the document is hidden). Keyed outside the profile's own
 * keys on purpose: a failed poll is not a part of the profile that failed to load (the view's one failure message
 * ignores it, the next interval tries again), and the refresh button does not poll.
 */
export function newEventsQuery(collection: Collection, id: string, params: NewEventsParams, intervalSeconds: number) {
  return queryOptions({
    queryKey: ["live-events", collection, id, params] as const,
    queryFn: (context) => {
      const query = new URLSearchParams({ after: params.after });
      if (params.include.length) query.set("include", params.include.join(","));
      if (params.exclude.length) query.set("exclude", params.exclude.join(","));
      return bffFetcherOf(context.client)<NewEventsAnswer>(`${bffProfilePath(collection, id, "events")}/new?${query}`, {
        signal: context.signal,
      });
    },
    enabled: intervalSeconds > 0,
    refetchInterval: intervalSeconds * 1000,
    refetchIntervalInBackground: false,
    // Back to a visible page: ask at once rather than at the next tick.
    refetchOnWindowFocus: "always",
    retry: false,
    gcTime: 0,
  });
}

/** How many important events "Just happened" shows. */
export const JUST_HAPPENED_LIMIT = 4;

/** The query string of "Just happened": the browser's fetch and the server prefetch's rewritten cursor both use it. */
export function importantEventsSearch(names: readonly string[]): URLSearchParams {
  return new URLSearchParams({ include: names.join(","), limit: String(JUST_HAPPENED_LIMIT) });
}

/** The newest events with one of the important names (the summary's "Just happened"), one small page. */
export function importantEventsQuery(collection: Collection, id: string, names: readonly string[]) {
  const include = [...names];
  return queryOptions({
    queryKey: [...profileKeys.all(collection, id), "important_events", include] as const,
    queryFn: (context) =>
      fetchFor<EventsPage>(
        context,
        collection,
        id,
        bffProfilePath(collection, id, "events", importantEventsSearch(include)),
      ),
    enabled: include.length > 0,
  });
}

export function metadataQuery(collection: Collection, id: string) {
  return queryOptions({
    queryKey: profileKeys.metadata(collection, id),
    queryFn: (context) =>
      fetchFor<MetadataResponse>(context, collection, id, bffProfilePath(collection, id, "metadata")),
  });
}

/** Links, 20 (the API's maximum) per page; the panel's "Load more" follows the cursor. */
export function linksQuery(collection: Collection, id: string) {
  return infiniteQueryOptions({
    queryKey: profileKeys.links(collection, id),
    initialPageParam: "",
    queryFn: ({ pageParam, ...context }) => {
      const query = new URLSearchParams({ limit: "20" });
      if (pageParam) query.set("next", pageParam);
      return fetchFor<LinksPage>(context, collection, id, bffProfilePath(collection, id, "links", query));
    },
    getNextPageParam: (last) => (last.cursor?.has_more && last.cursor.next ? last.cursor.next : undefined),
  });
}
