"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import { Building2, RefreshCw, TriangleAlert, User } from "lucide-react";
import type { ProfileSummary } from "@/lib/core/api-types";
import type { Collection } from "@/lib/core/identifiers";
import { Button } from "@/components/ui/button";
import { describeError } from "@/components/ui/query-states";
import { Skeleton } from "@/components/ui/skeleton";
import { RefreshButton } from "./refresh-button";

function displayName(summary: ProfileSummary | undefined): string | null {
  const traits = summary?.traits ?? {};
  const name =
    traits.name ?? ([traits.first_name, traits.last_name].filter((p) => typeof p === "string").join(" ") || undefined);
  return typeof name === "string" && name ? name : null;
}

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

/** Who this is, at a glance: the name from the summary (the first paint), the identifier, and the refresh button. */
export function ProfileHeader({
  collection,
  id,
  summary,
  compact = false,
}: {
  collection: Collection;
  id: string;
  summary: UseQueryResult<ProfileSummary>;
  compact?: boolean;
}) {
  const name = displayName(summary.data);
  const Icon = collection === "accounts" ? Building2 : User;
  const failedParts = Object.keys(summary.data?.errors ?? {});
  return (
    <header className="flex min-w-0 items-start gap-2">
      <Icon aria-hidden className={`text-accent mt-1 shrink-0 ${compact ? "size-5" : "size-7"}`} />
      <div className="min-w-0 flex-1">
        {summary.isPending ? (
          <Skeleton label="Loading profile" lines={1} />
        ) : (
          <h1 className={`${compact ? "text-base" : "text-2xl"} font-semibold break-words`}>{name ?? id}</h1>
        )}
        <p className="text-fg-muted font-mono text-xs break-all">
          {collection === "accounts" ? "account" : "user"} · {id}
        </p>
        {failedParts.length ? (
          <p className="text-warning text-xs">Some parts could not be loaded: {failedParts.join(", ")}.</p>
        ) : null}
        {summary.isError ? (
          <SummaryError error={summary.error} retrying={summary.isFetching} onRetry={() => void summary.refetch()} />
        ) : null}
      </div>
      <RefreshButton collection={collection} id={id} compact={compact} />
    </header>
  );
}
