import { HydrationBoundary } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { auditPageView } from "@/lib/audit/page-view";
import type { Agent } from "@/lib/auth/agent";
import { maskDehydratedState } from "@/lib/governance/mask-dehydrated";
import { prefetchProfile } from "@/lib/prefetch/prefetch-profile";
import { formatIdentifier, type Collection, type ProfileIdentifier } from "@/lib/core/identifiers";

/**
 * Renders `children` (a profile view for `collection`/`identifier`, whose queries use `handle`) with the first paint's data
 * already in React Query's cache, so identities, traits and the header come in the HTML itself. When the Profile API
 * says within the budget that no such profile exists, renders `notFound` instead: the 404 state is in the HTML, with
 * no panels failing one by one before the view notices. Only for pages behind `requireAgent`: the data is fetched
 * with the server's token.
 */
export async function PrefetchedProfile({
  agent,
  collection,
  identifier,
  handle,
  notFound,
  children,
}: {
  /** Who the page is for: the data is masked for them (DESIGN §10). */
  agent: Agent;
  collection: Collection;
  identifier: ProfileIdentifier;
  /** The profile's handle (lib/governance/profile-handle.ts): the browser's query keys name it by this. */
  handle: string;
  notFound: ReactNode;
  children: ReactNode;
}) {
  const prefetched = await prefetchProfile(collection, identifier, handle);
  // The page view is in the audit trail before any of its data is rendered (DESIGN §10).
  const formatted = formatIdentifier(identifier);
  if (!(await auditPageView(agent, collection, formatted, prefetched.notFound ? "not_found" : "ok"))) {
    return (
      <div
        role="alert"
        className="border-border mx-auto max-w-xl rounded-lg border p-4"
        data-testid="audit-unavailable"
      >
        <h1 className="font-semibold">This profile cannot be shown just now</h1>
        <p className="text-fg-muted mt-1 text-sm">
          The audit trail cannot be written, so customer data is not shown. Try again shortly.
        </p>
      </div>
    );
  }
  if (prefetched.notFound) return notFound;
  return <HydrationBoundary state={maskDehydratedState(prefetched.state, agent)}>{children}</HydrationBoundary>;
}
