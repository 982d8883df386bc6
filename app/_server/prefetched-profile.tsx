import { HydrationBoundary } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { prefetchProfile } from "@/lib/bff/prefetch";
import { parseIdentifier, type Collection } from "@/lib/profile-api/identifiers";

/**
 * Renders `children` (a profile view for `collection`/`id`, the formatted `type:value`) with the first paint's data
 * already in React Query's cache, so identities, traits and the header come in the HTML itself. Only for pages behind
 * `requireAgent`: the data is fetched with the server's token.
 */
export async function PrefetchedProfile({ collection, id, children }: { collection: Collection; id: string; children: ReactNode }) {
  const parsed = parseIdentifier(id);
  if (!parsed.ok) return children;
  const state = await prefetchProfile(collection, parsed.identifier, id);
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}
