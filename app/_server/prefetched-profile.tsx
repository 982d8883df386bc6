import { HydrationBoundary } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { prefetchProfile } from "@/lib/prefetch/prefetch-profile";
import { parseIdentifier, type Collection } from "@/lib/core/identifiers";

/**
 * Renders `children` (a profile view for `collection`/`id`, the formatted `type:value`) with the first paint's data
 * already in React Query's cache, so identities, traits and the header come in the HTML itself. When the Profile API
 * says within the budget that no such profile exists, renders `notFound` instead: the 404 state is in the HTML, with
 * no panels failing one by one before the view notices. Only for pages behind `requireAgent`: the data is fetched
 * with the server's token.
 */
export async function PrefetchedProfile({
  collection,
  id,
  notFound,
  children,
}: {
  collection: Collection;
  id: string;
  notFound: ReactNode;
  children: ReactNode;
}) {
  const parsed = parseIdentifier(id);
  if (!parsed.ok) return children;
  const prefetched = await prefetchProfile(collection, parsed.identifier, id);
  if (prefetched.notFound) return notFound;
  return <HydrationBoundary state={prefetched.state}>{children}</HydrationBoundary>;
}
