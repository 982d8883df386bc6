import "server-only";
import type { ApiError, CacheStatus, ProfileSummary, SummaryPart } from "@/lib/core/api-types";
import type { AppError } from "@/lib/core/error-body";
import type { CallOptions, ProfileApi } from "@/lib/profile-api/client";
import { formatIdentifier, type Collection, type ProfileIdentifier } from "@/lib/core/identifiers";
import { isInternal, toAppError } from "./errors";
import { withLinkHandles } from "./link-handles";

/**
 * Page sizes of the first paint. 100 traits per class covers typical profiles in one call each (the panel pages
 * further through /traits when there are more); 100 external ids; 20 links is the documented maximum.
 */
export const SUMMARY_LIMITS = { traits: 100, externalIds: 100, links: 20 } as const;

type PartValue = ProfileSummary[SummaryPart];
type PartResult = { value: PartValue; cache: CacheStatus };

function fetchParts(api: ProfileApi, collection: Collection, id: ProfileIdentifier, options: CallOptions) {
  const traitsOf = (query: Parameters<ProfileApi["traits"]>[2]) =>
    api.traits(collection, id, query, options).then((r) => ({ value: r.body.traits, cache: r.cache }));
  return {
    traits: traitsOf({ limit: SUMMARY_LIMITS.traits }),
    computed_traits: traitsOf({ class: "computed_trait", limit: SUMMARY_LIMITS.traits }),
    audiences: traitsOf({ class: "audience", limit: SUMMARY_LIMITS.traits }),
    external_ids: api
      .externalIds(collection, id, { limit: SUMMARY_LIMITS.externalIds }, options)
      .then((r) => ({ value: r.body.data, cache: r.cache })),
    metadata: api.metadata(collection, id, {}, options).then((r) => ({ value: r.body.metadata, cache: r.cache })),
    links: api
      .links(collection, id, { limit: SUMMARY_LIMITS.links }, options)
      .then((r) => ({ value: withLinkHandles(r.body.data), cache: r.cache })),
  } satisfies Record<SummaryPart, Promise<PartResult>>;
}

function combineCache(statuses: CacheStatus[]): CacheStatus | undefined {
  if (statuses.length === 0) return undefined;
  if (statuses.includes("BYPASS")) return "BYPASS";
  return statuses.every((s) => s === "HIT") ? "HIT" : "MISS";
}

function toApiError(error: AppError): ApiError {
  return { code: error.code, message: error.message, ...(error.requestId ? { request_id: error.requestId } : {}) };
}

export type SummaryResult = { body: ProfileSummary; cache?: CacheStatus; internalError?: unknown };

/**
 * The profile summary (DESIGN §4): six upstream calls in parallel; a failed part is `null` with its error in
 * `errors`, the rest still answers. When every part failed there is nothing to show: a profile that does not exist
 * (every part 404) is a 404, otherwise the first part's error is the answer (e.g. 502 when our token is rejected).
 */
export async function fetchProfileSummary(
  api: ProfileApi,
  collection: Collection,
  id: ProfileIdentifier,
  options: CallOptions,
): Promise<SummaryResult> {
  const pending = fetchParts(api, collection, id, options);
  const names = Object.keys(pending) as SummaryPart[];
  const settled = await Promise.allSettled(names.map((name) => pending[name]));
  const body: ProfileSummary = {
    collection,
    id: formatIdentifier(id),
    traits: null,
    computed_traits: null,
    audiences: null,
    external_ids: null,
    metadata: null,
    links: null,
    errors: {},
  };
  const caches: CacheStatus[] = [];
  const failures: AppError[] = [];
  settled.forEach((outcome, i) => {
    const name = names[i] as SummaryPart;
    if (outcome.status === "fulfilled") {
      (body as Record<SummaryPart, PartValue>)[name] = outcome.value.value;
      caches.push(outcome.value.cache);
    } else {
      const error = toAppError(outcome.reason);
      failures.push(error);
      body.errors[name] = toApiError(error);
    }
  });
  const answer = failures.find((e) => e.code !== "not_found") ?? failures[0];
  if (answer && failures.length === names.length) throw answer;
  const internal = failures.find(isInternal);
  return { body, cache: combineCache(caches), internalError: internal?.cause };
}
