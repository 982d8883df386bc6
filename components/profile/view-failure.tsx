"use client";
import { useQueryClient, type Query, type QueryClient } from "@tanstack/react-query";
import { RefreshCw, TriangleAlert } from "lucide-react";
import { useEffect, useState } from "react";
import type { Collection } from "@/lib/core/identifiers";
import { isNotFound } from "@/lib/queries/bff-fetch";
import { profileKeys } from "@/lib/queries/profiles";
import { Button } from "@/components/ui/button";
import { describeError } from "@/components/ui/query-states";

/**
 * A query with nothing to show because it failed, or is retrying after a failed attempt. Queries that still show
 * data (a failed next page, a failed refetch) say so inline in their panel; 404s belong to the not-found states.
 */
function isFailing(query: Query): boolean {
  const { status, data, fetchFailureCount, fetchFailureReason, error } = query.state;
  if (data !== undefined) return false;
  const reason = status === "error" ? error : fetchFailureCount > 0 ? fetchFailureReason : null;
  return reason !== null && reason !== undefined && !isNotFound(reason);
}

type Failure = { error: unknown; count: number; retrying: boolean };

function findFailure(client: QueryClient, collection: Collection, id: string): Failure | null {
  const failing = client.getQueryCache().findAll({ queryKey: profileKeys.all(collection, id), predicate: isFailing });
  const first = failing[0];
  if (!first) return null;
  return {
    error: first.state.error ?? first.state.fetchFailureReason,
    count: failing.length,
    retrying: failing.some((q) => q.state.fetchStatus === "fetching"),
  };
}

/** Watches the query cache for this profile's failing queries. */
function useFailure(collection: Collection, id: string): Failure | null {
  const client = useQueryClient();
  const [failure, setFailure] = useState<Failure | null>(null);
  useEffect(() => {
    const update = () => setFailure(findFailure(client, collection, id));
    update();
    return client.getQueryCache().subscribe(update);
  }, [client, collection, id]);
  return failure;
}

/**
 * The view's one failure message: what happened in an agent's words, the request id, and one Retry that retries
 * everything that failed. It appears at the first failed attempt (within about 5 s: see BFF_TIMEOUT_MS) while
 * retries go on in the background, and goes away by itself when they succeed.
 */
export function ViewFailure({ collection, id }: { collection: Collection; id: string }) {
  const client = useQueryClient();
  const failure = useFailure(collection, id);
  if (!failure) return null;
  const { title, detail, requestId } = describeError(failure.error);
  const retry = () =>
    void client.refetchQueries(
      { queryKey: profileKeys.all(collection, id), predicate: isFailing },
      { cancelRefetch: true },
    );
  return (
    <div
      role="alert"
      className="border-danger/40 bg-surface min-w-0 rounded-lg border p-3 text-sm"
      data-testid="view-failure"
    >
      <p className="text-danger flex items-center gap-1.5 font-medium">
        <TriangleAlert aria-hidden className="size-4 shrink-0" />
        {title}
      </p>
      <p className="text-fg-muted mt-1 break-words">
        {detail}{" "}
        {failure.count > 1
          ? `${failure.count} parts of this profile are not loaded.`
          : "Part of this profile is not loaded."}
      </p>
      {requestId ? <p className="text-fg-muted mt-1 text-xs break-all">Request ID: {requestId}</p> : null}
      <Button className="mt-2" onClick={retry}>
        <RefreshCw aria-hidden className={`size-3.5 ${failure.retrying ? "animate-spin" : ""}`} />{" "}
        {failure.retrying ? "Retrying…" : "Retry"}
      </Button>
    </div>
  );
}
