"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import { Building2, RefreshCw, TriangleAlert, User } from "lucide-react";
import { useContext, useEffect } from "react";
import type { ProfileSummary } from "@/lib/core/api-types";
import type { Collection } from "@/lib/core/identifiers";
import { Button } from "@/components/ui/button";
import { CalmFailureContext, describeError } from "@/components/ui/query-states";
import { Skeleton } from "@/components/ui/skeleton";
import { displayName } from "@/lib/views/profile-summary";
import { RefreshButton } from "./refresh-button";
import { SummaryActions } from "./summary-actions";
import { SummaryFacts } from "./summary-facts";

/** The summary failed (not a 404: the view shows that): the header says so with its own Retry; panels keep theirs. */
function SummaryError({ error, retrying, onRetry }: { error: unknown; retrying: boolean; onRetry: () => void }) {
  const { title, requestId } = describeError(error);
  return (
    <div
      role="alert"
      className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs"
      data-testid="profile-header-error"
    >
      <p className="text-danger flex min-w-0 items-center gap-1 font-medium">
        <TriangleAlert aria-hidden className="size-3.5 shrink-0" />
        {title}: the profile summary could not be loaded.
      </p>
      {requestId ? <p className="text-fg-muted break-all">Request ID: {requestId}</p> : null}
      <Button onClick={onRetry} disabled={retrying} className="min-h-7 px-2 text-xs">
        <RefreshCw aria-hidden className="size-3" /> {retrying ? "Retrying…" : "Retry"}
      </Button>
    </div>
  );
}

/** Who this is, at a glance: the name and key facts from the summary (the first paint), the identifier, refresh. */
export function ProfileHeader({
  collection,
  id,
  label,
  summary,
  compact = false,
}: {
  collection: Collection;
  /** The handle: what the refresh re-fetches. */
  id: string;
  /** The `type:value` the profile was opened by: shown, never put in a URL. */
  label: string;
  summary: UseQueryResult<ProfileSummary>;
  compact?: boolean;
}) {
  const name = displayName(summary.data);
  const Icon = collection === "accounts" ? Building2 : User;
  const failedParts = Object.keys(summary.data?.errors ?? {});
  const calm = useContext(CalmFailureContext); // the view's one failure message covers the summary too
  // The browser tab (and the window list) names the customer, not the product. Next.js streams the page's static
  // title in after the first render, so the customer's name is put back whenever the head's title changes.
  useEffect(() => {
    if (!name) return;
    const wanted = `${name} · Profile Sidebar`;
    const apply = () => {
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [name]);
  return (
    <header className="flex min-w-0 scroll-mt-2 items-start gap-2" id="section-summary" tabIndex={-1}>
      <Icon aria-hidden className={`text-accent mt-1 shrink-0 ${compact ? "size-5" : "size-7"}`} />
      <div className="min-w-0 flex-1">
        {summary.isPending ? (
          <Skeleton label="Loading profile" lines={1} />
        ) : (
          <h1 className={`${compact ? "text-base" : "text-2xl"} font-semibold break-words`}>{name ?? label}</h1>
        )}
        <p className="text-fg-muted font-mono text-xs break-all">
          {collection === "accounts" ? "account" : "user"} · {label}
        </p>
        {summary.data ? <SummaryFacts summary={summary.data} /> : null}
        {summary.data ? <SummaryActions collection={collection} id={id} /> : null}
        {failedParts.length ? (
          <p className="text-warning text-xs">Some parts could not be loaded: {failedParts.join(", ")}.</p>
        ) : null}
        {summary.isError && !calm ? (
          <SummaryError error={summary.error} retrying={summary.isFetching} onRetry={() => void summary.refetch()} />
        ) : null}
      </div>
      <RefreshButton collection={collection} id={id} compact={compact} />
    </header>
  );
}
