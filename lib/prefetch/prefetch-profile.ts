import "server-only";
import { QueryClient, dehydrate, type DehydratedState } from "@tanstack/react-query";
import type { TraitsPage } from "@/lib/core/api-types";
import { AppError } from "@/lib/core/error-body";
import { getProfileApi } from "@/lib/profile-api/client";
import type { Collection, ProfileIdentifier } from "@/lib/core/identifiers";
import { getConfig } from "@/lib/config";
import { externalIdsQuery, FIRST_TRAITS_PARAMS, keyTraitsQuery, profileKeys, summaryQuery } from "@/lib/queries/profiles";
import { buildResourcePath, withOwnCursor } from "@/lib/bff/cursor";
import { fetchProfileSummary, SUMMARY_LIMITS } from "@/lib/bff/summary";

/**
 * How long a page waits for the first paint's data before it renders without it. The upstream calls go on
 * after the budget (the server cache and coalescing keep their answers for the browser's own requests), so a
 * slow Profile API delays the page by at most this much, never by its deadline.
 */
export const PREFETCH_BUDGET_MS = 400;

export type PrefetchedState = {
  state: DehydratedState;
  /** The summary answered 404 within the budget: the page renders its not-found state instead of the profile. */
  notFound: boolean;
};

/**
 * The data of a profile's first paint (summary, identities, first page of traits, the pinned traits), fetched on the server while the
 * page renders, so the HTML already shows them instead of skeletons waiting for three browser round trips. The
 * bodies are exactly what the BFF routes answer (same client, same cursor rewriting); whatever fails or is late is
 * left out and the browser fetches it as usual, with its own loading and error states. A profile the Profile API
 * does not know is reported as `notFound`, so the HTML shows the 404 state instead of panels that fail one by one.
 */
export async function prefetchProfile(
  collection: Collection,
  id: ProfileIdentifier,
  formattedId: string,
  pinned: readonly string[] = getConfig().PINNED_TRAITS,
): Promise<PrefetchedState> {
  const firstTraitsPage = FIRST_TRAITS_PARAMS;
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
  const api = getProfileApi();
  const traitsQuery = new URLSearchParams({ limit: String(firstTraitsPage.limit) });
  const idsQuery = new URLSearchParams({ limit: String(SUMMARY_LIMITS.externalIds) });
  let notFound = false;
  const work = Promise.allSettled([
    fetchProfileSummary(api, collection, id, {}).then(
      (r) => client.setQueryData(summaryQuery(collection, formattedId).queryKey, r.body),
      (error: unknown) => {
        notFound = error instanceof AppError && error.code === "not_found";
      },
    ),
    api.externalIds(collection, id, { limit: SUMMARY_LIMITS.externalIds }, {}).then((r) =>
      client.setQueryData(
        externalIdsQuery(collection, formattedId).queryKey,
        withOwnCursor(r.body, buildResourcePath(collection, id, "external_ids"), idsQuery),
      ),
    ),
    api.traits(collection, id, { limit: firstTraitsPage.limit }, {}).then((r) =>
      client.setQueryData(profileKeys.traits(collection, formattedId, firstTraitsPage), {
        pages: [withOwnCursor(r.body, buildResourcePath(collection, id, "traits"), traitsQuery)],
        pageParams: [""],
      }),
    ),
    // The traits panel's own query for the pinned keys (they may sort onto a later page): without it they would
    // appear at the top a moment after the first paint, pushing the list down.
    pinned.length
      ? api.traits(collection, id, { limit: pinned.length, include: [...pinned] }, {}).then((r) =>
          client.setQueryData(
            keyTraitsQuery(collection, formattedId, pinned).queryKey,
            withOwnCursor<TraitsPage>(
              r.body,
              buildResourcePath(collection, id, "traits"),
              new URLSearchParams({ include: pinned.join(","), limit: String(pinned.length) }),
            ),
          ),
        )
      : Promise.resolve(),
  ]);
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, PREFETCH_BUDGET_MS)));
  await Promise.race([work, budget]);
  clearTimeout(timer);
  return { state: dehydrate(client), notFound };
}
