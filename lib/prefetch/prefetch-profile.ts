import "server-only";
import { dehydrate, type DehydratedState } from "@tanstack/react-query";
import type { EventsPage, ExternalIdsPage, TraitsPage } from "@/lib/core/api-types";
import { AppError } from "@/lib/core/error-body";
import type { Collection, ProfileIdentifier } from "@/lib/core/identifiers";
import { bffProfilePath } from "@/lib/core/paths";
import { withOwnCursor } from "@/lib/bff/cursor";
import { fetchProfileSummary } from "@/lib/bff/summary";
import { getConfig } from "@/lib/config";
import { getProfileApi } from "@/lib/profile-api/client";
import {
  EXTERNAL_IDS_PAGE_SIZE,
  externalIdsQuery,
  externalIdsSearch,
  FIRST_TRAITS_PARAMS,
  importantEventsQuery,
  importantEventsSearch,
  JUST_HAPPENED_LIMIT,
  keyTraitsQuery,
  keyTraitsSearch,
  summaryQuery,
  traitsQuery,
  traitsSearch,
} from "@/lib/queries/profiles";
import { makeQueryClient } from "@/lib/queries/query-client";

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
 * The data of a profile's first paint (summary, "Just happened", identities, first page of traits, the pinned traits), fetched on the server while the
 * page renders, so the HTML already shows them instead of skeletons waiting for three browser round trips. The
 * bodies are exactly what the BFF routes answer (same client, same cursor rewriting); whatever fails or is late is
 * left out and the browser fetches it as usual, with its own loading and error states. A profile the Profile API
 * does not know is reported as `notFound`, so the HTML shows the 404 state instead of panels that fail one by one.
 *
 * The keys and paths name the profile by its handle, as the browser's do (DESIGN §10). Keys, page sizes and query
 * strings come from the browser's own query options (lib/queries/profiles.ts) and the
 * cache from the browser's QueryClient factory, so what the server puts in the cache is what the browser would ask for.
 */
export async function prefetchProfile(
  collection: Collection,
  id: ProfileIdentifier,
  handle: string,
  pinned: readonly string[] = getConfig().PINNED_TRAITS,
  important: readonly string[] = getConfig().IMPORTANT_EVENTS,
): Promise<PrefetchedState> {
  const first = FIRST_TRAITS_PARAMS;
  const client = makeQueryClient();
  const api = getProfileApi();
  const traitsPath = bffProfilePath(collection, handle, "traits");
  let notFound = false;
  const work = Promise.allSettled([
    fetchProfileSummary(api, collection, id, {}).then(
      (r) => client.setQueryData(summaryQuery(collection, handle).queryKey, r.body),
      (error: unknown) => {
        notFound = error instanceof AppError && error.code === "not_found";
      },
    ),
    api
      .externalIds(collection, id, { limit: EXTERNAL_IDS_PAGE_SIZE }, {})
      .then((r) =>
        client.setQueryData(
          externalIdsQuery(collection, handle).queryKey,
          withOwnCursor<ExternalIdsPage>(
            r.body,
            bffProfilePath(collection, handle, "external_ids"),
            externalIdsSearch(),
          ),
        ),
      ),
    api.traits(collection, id, { limit: first.limit }, {}).then((r) =>
      client.setQueryData(traitsQuery(collection, handle, first).queryKey, {
        pages: [withOwnCursor<TraitsPage>(r.body, traitsPath, traitsSearch(first))],
        pageParams: [""],
      }),
    ),
    // The traits panel's own query for the pinned keys (they may sort onto a later page): without it they would
    // appear at the top a moment after the first paint, pushing the list down.
    pinned.length
      ? api
          .traits(collection, id, { limit: pinned.length, include: [...pinned] }, {})
          .then((r) =>
            client.setQueryData(
              keyTraitsQuery(collection, handle, pinned).queryKey,
              withOwnCursor<TraitsPage>(r.body, traitsPath, keyTraitsSearch(pinned)),
            ),
          )
      : Promise.resolve(),
    // "Just happened" sits right under the summary: in the HTML too, so a failed payment is on the first screen.
    important.length
      ? api
          .events(collection, id, { include: [...important], limit: JUST_HAPPENED_LIMIT }, {})
          .then((r) =>
            client.setQueryData(
              importantEventsQuery(collection, handle, important).queryKey,
              withOwnCursor<EventsPage>(
                r.body,
                bffProfilePath(collection, handle, "events"),
                importantEventsSearch(important),
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
