"use client";
import { Button } from "./button";
import { InlineError } from "./query-states";

/**
 * The end of a paged list: a "Load more <noun> (N shown)" button while there is a next page, and after a failed page
 * an inline error with its own Retry instead (the loaded rows stay). One place, so every panel pages the same way.
 */
export function LoadMore({
  noun,
  shown,
  hasMore,
  fetching,
  failed,
  onLoadMore,
  onRetry = onLoadMore,
}: {
  /** What the list holds, plural ("traits", "links"). */
  noun: string;
  shown: number;
  hasMore: boolean;
  /** A page is on its way: the button says so and waits. */
  fetching: boolean;
  /** The last page failed: the Retry replaces the button. */
  failed: boolean;
  onLoadMore: () => void;
  onRetry?: () => void;
}) {
  if (failed) return <LoadMoreError noun={noun} onRetry={onRetry} retrying={fetching} />;
  if (!hasMore) return null;
  return (
    <Button className="mt-2 w-full" onClick={onLoadMore} disabled={fetching}>
      {fetching ? "Loading…" : `Load more ${noun} (${shown} shown)`}
    </Button>
  );
}

/** A next page failed: "Could not load more <noun>." with a Retry (also the timeline's, which pages on scroll). */
export function LoadMoreError({ noun, onRetry, retrying }: { noun: string; onRetry: () => void; retrying?: boolean }) {
  return <InlineError message={`Could not load more ${noun}.`} onRetry={onRetry} retrying={retrying} />;
}

/** The pieces of a useInfiniteQuery result a paged panel's footer needs. */
type PagedQuery = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  isRefetchError: boolean;
  isRefetching: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
};

/** A refetch (the refresh button) failed while the list is shown: say so with a Retry; the rows stay. */
export function RefreshError({ query, noun }: { query: PagedQuery; noun: string }) {
  if (!query.isRefetchError) return null;
  return (
    <InlineError
      message={`Could not refresh ${noun}.`}
      onRetry={() => void query.refetch()}
      retrying={query.isRefetching}
    />
  );
}

/** LoadMore for a useInfiniteQuery: its next page, its state. */
export function LoadMoreFromQuery({ query, noun, shown }: { query: PagedQuery; noun: string; shown: number }) {
  return (
    <LoadMore
      noun={noun}
      shown={shown}
      hasMore={query.hasNextPage}
      fetching={query.isFetchingNextPage}
      failed={query.isFetchNextPageError}
      onLoadMore={() => void query.fetchNextPage()}
    />
  );
}
