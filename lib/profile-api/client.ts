import "server-only";
import type { Pool } from "undici";
import type {
  CacheStatus,
  EventsPage,
  ExternalIdsPage,
  LinksPage,
  MetadataResponse,
  TraitsPage,
  VerboseTraitsPage,
} from "@/lib/core/api-types";
import { getConfig } from "@/lib/config";
import { getSharedStore, type SharedStore } from "@/lib/shared-store/shared-store";
import { PerformanceLayer, type PerformanceStats } from "./cached-call";
import { attemptOnce, authorizationHeader, createPool } from "./http";
import type { Collection, ProfileIdentifier, Resource } from "@/lib/core/identifiers";
import { buildResourcePath, type QueryValues } from "./paths";
import { withRetries, type UpstreamLimiter } from "./retry";
import {
  profileApiEventsSchema,
  profileApiExternalIdsSchema,
  profileApiLinksSchema,
  profileApiMetadataResponseSchema,
  profileApiTraitsSchema,
  profileApiVerboseTraitsSchema,
} from "./schemas";

export type { UpstreamLimiter } from "./retry";

export type TraitsQuery = {
  class?: "audience" | "computed_trait";
  include?: string[];
  limit?: number;
  next?: string;
  verbose?: boolean;
};
export type ExternalIdsQuery = { include?: string[]; limit?: number; next?: string; verbose?: boolean };
export type EventsQuery = {
  start?: string;
  end?: string;
  include?: string[];
  exclude?: string[];
  limit?: number;
  sort?: "asc" | "desc";
  next?: string;
};
export type MetadataQuery = { verbose?: boolean };
export type LinksQuery = { limit?: number; next?: string };
export type CallOptions = {
  signal?: AbortSignal;
  /** Bypass the server cache (performance layer). */ refresh?: boolean;
  /**
   * How long this answer stays in the server cache, instead of the resource's TTL: the live timeline's poll keeps its
   * answer one polling interval, so every agent polling the same profile shares one upstream call per interval.
   */
  ttlMs?: number;
};
export type UpstreamResult<T> = { body: T; requestId: string | undefined; cache: CacheStatus };

export interface ProfileApi {
  traits(
    collection: Collection,
    id: ProfileIdentifier,
    query?: TraitsQuery,
    options?: CallOptions,
  ): Promise<UpstreamResult<TraitsPage | VerboseTraitsPage>>;
  externalIds(
    collection: Collection,
    id: ProfileIdentifier,
    query?: ExternalIdsQuery,
    options?: CallOptions,
  ): Promise<UpstreamResult<ExternalIdsPage>>;
  events(
    collection: Collection,
    id: ProfileIdentifier,
    query?: EventsQuery,
    options?: CallOptions,
  ): Promise<UpstreamResult<EventsPage>>;
  metadata(
    collection: Collection,
    id: ProfileIdentifier,
    query?: MetadataQuery,
    options?: CallOptions,
  ): Promise<UpstreamResult<MetadataResponse>>;
  links(
    collection: Collection,
    id: ProfileIdentifier,
    query?: LinksQuery,
    options?: CallOptions,
  ): Promise<UpstreamResult<LinksPage>>;
}

export type ProfileApiSettings = {
  baseUrl: string;
  spaceId: string;
  accessToken: string;
  maxAttempts: number;
  attemptTimeoutMs: number;
  deadlineMs: number;
  poolConnections: number;
  rateLimitPerSecond: number;
  cacheTtlTraitsMs: number;
  cacheTtlEventsMs: number;
  cacheMaxBytes: number;
};

/** Seams for the performance layer and tests; the app's own callers never pass these. */
export type ProfileApiInternals = {
  limiter?: UpstreamLimiter;
  random?: () => number;
  maxResponseBytes?: number;
  /** What instances share (DESIGN §9); without it, this instance keeps everything to itself. */
  sharedStore?: SharedStore;
};

/** What the one funnel returns: the validated body, its Request-Id and its size in bytes (for the cache). */
export type FetchedResource<T> = { value: T; requestId: string | undefined; size: number };

export type FetchResource = <T>(
  resource: Resource,
  collection: Collection,
  id: ProfileIdentifier,
  query: QueryValues,
  parse: (body: unknown) => T,
  options?: CallOptions,
) => Promise<FetchedResource<T>>;

/**
 * The Profile API client. Every call goes through `fetchResource` (one funnel: path building,
 * the retry loop with its limiter seam, one pooled HTTP attempt, validation), wrapped by the
 * performance layer: server cache → request coalescing → the funnel, whose retry loop takes
 * a slot from the space-wide rate limiter before every attempt.
 */
export function createProfileApi(
  settings: ProfileApiSettings,
  internals: ProfileApiInternals = {},
): ProfileApi & { close(): Promise<void>; fetchResource: FetchResource; performanceStats(): PerformanceStats } {
  const pool: Pool = createPool({
    baseUrl: settings.baseUrl,
    connections: settings.poolConnections,
    maxResponseBytes: internals.maxResponseBytes,
  });
  // Computed once and kept in this closure only: never logged, never put in an error.
  const authorization = authorizationHeader(settings.accessToken);
  const performance = new PerformanceLayer(settings, internals.sharedStore);
  const limiter = internals.limiter ?? performance.spaceLimiter(settings.spaceId);

  const fetchResource: FetchResource = async (resource, collection, id, query, parse, options = {}) => {
    const path = buildResourcePath(settings.spaceId, collection, id, resource, query);
    const policy = { ...settings, signal: options.signal, limiter, random: internals.random };
    const result = await withRetries(policy, (signal) => attemptOnce({ pool, path, authorization, signal, parse }));
    return { value: result.value, requestId: result.requestId, size: result.size };
  };

  const call = async <T>(
    resource: Resource,
    collection: Collection,
    id: ProfileIdentifier,
    query: QueryValues,
    parse: (body: unknown) => T,
    options: CallOptions = {},
  ): Promise<UpstreamResult<T>> => {
    const parts = { spaceId: settings.spaceId, collection, identifier: id, resource, query };
    // The shared upstream call gets no caller's signal: one agent leaving must not cancel it for
    // the others; each caller still stops waiting on its own signal.
    const answer = await performance.run(parts, options, () => fetchResource(resource, collection, id, query, parse));
    return { body: answer.value, requestId: answer.requestId, cache: answer.cache };
  };

  return {
    traits: (collection, id, query = {}, options) =>
      call(
        "traits",
        collection,
        id,
        query,
        (b) => (query.verbose ? profileApiVerboseTraitsSchema : profileApiTraitsSchema).parse(b),
        options,
      ),
    externalIds: (collection, id, query = {}, options) =>
      call("external_ids", collection, id, query, (b) => profileApiExternalIdsSchema.parse(b), options),
    events: (collection, id, query = {}, options) =>
      call("events", collection, id, query, (b) => profileApiEventsSchema.parse(b), options),
    metadata: (collection, id, query = {}, options) =>
      call("metadata", collection, id, query, (b) => profileApiMetadataResponseSchema.parse(b), options),
    links: (collection, id, query = {}, options) =>
      call("links", collection, id, query, (b) => profileApiLinksSchema.parse(b), options),
    fetchResource,
    performanceStats: () => performance.stats(settings.spaceId),
    close: () => pool.close(),
  };
}

/** The settings of this deployment, from the validated configuration. */
export function settingsFromConfig(config = getConfig()): ProfileApiSettings {
  return {
    baseUrl: config.profileApiBaseUrl,
    spaceId: config.SEGMENT_SPACE_ID,
    accessToken: config.SEGMENT_ACCESS_TOKEN,
    maxAttempts: config.PROFILE_API_MAX_ATTEMPTS,
    attemptTimeoutMs: config.PROFILE_API_ATTEMPT_TIMEOUT_MS,
    deadlineMs: config.PROFILE_API_DEADLINE_MS,
    poolConnections: config.PROFILE_API_POOL_CONNECTIONS,
    rateLimitPerSecond: config.PROFILE_API_RATE_LIMIT,
    cacheTtlTraitsMs: config.CACHE_TTL_TRAITS_MS,
    cacheTtlEventsMs: config.CACHE_TTL_EVENTS_MS,
    cacheMaxBytes: config.CACHE_MAX_BYTES,
  };
}

// Kept on globalThis so Next's module reloads in dev do not open a new pool each time.
const globalKey = Symbol.for("profile-sidebar.profile-api");
type GlobalWithApi = typeof globalThis & { [globalKey]?: ProfileApi };

/** The process-wide client (one pool), built from getConfig() on first use. */
export function getProfileApi(): ProfileApi {
  const g = globalThis as GlobalWithApi;
  g[globalKey] ??= createProfileApi(settingsFromConfig(), { sharedStore: getSharedStore() });
  return g[globalKey];
}
