"use client";
import { History, SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { LoadMoreError } from "@/components/ui/load-more";
import { Skeleton } from "@/components/ui/skeleton";

function EndOfTimeline({ rangeDays, count }: { rangeDays: number; count: number }) {
  return (
    <p className="text-fg-muted border-border flex items-start gap-2 border-t py-3 text-xs" data-testid="timeline-end">
      <History aria-hidden className="size-4 shrink-0" />
      <span>
        {count === 0 ? "No events in this range. " : null}
        {rangeDays < 14
          ? `Start of the selected range (last ${rangeDays === 1 ? "24 hours" : `${rangeDays} days`}).`
          : "14-day edge: older history is not available from the Profile API."}
      </span>
    </p>
  );
}

export type TimelineEndProps = {
  rangeDays: number;
  /** Events the list shows, after the type filter and the search. */
  shown: number;
  loaded: number;
  /** The search in words ("support ticket"); null when the agent is not searching. */
  searchText: string | null;
  onClearSearch: () => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => void;
};

/**
 * The last row of the timeline: loading the next page, its failure with Retry, the 14-day edge, or, while searching,
 * what the search covered. A search only covers what is loaded, so it never pages through the whole history by
 * itself: the agent loads more on purpose.
 */
export function TimelineEnd(props: TimelineEndProps) {
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage, searchText } = props;
  if (isFetchNextPageError && !isFetchingNextPage) return <LoadMoreError noun="events" onRetry={fetchNextPage} />;
  if (isFetchingNextPage) return <Skeleton label="Loading more events" lines={2} />;
  if (searchText === null) {
    if (hasNextPage) return <Skeleton label="Loading more events" lines={2} />;
    return <EndOfTimeline rangeDays={props.rangeDays} count={props.shown} />;
  }
  const loadMore = hasNextPage ? (
    <Button onClick={fetchNextPage}>Load more events ({props.loaded} loaded)</Button>
  ) : null;
  if (props.shown > 0)
    return hasNextPage ? (
      <p className="text-fg-muted border-border flex flex-wrap items-center gap-2 border-t py-3 text-xs">
        Searched the {props.loaded} loaded events. {loadMore}
      </p>
    ) : (
      <EndOfTimeline rangeDays={props.rangeDays} count={props.shown} />
    );
  return (
    <div className="border-border space-y-2 border-t py-3 text-sm" data-testid="timeline-no-match">
      <p className="flex items-start gap-2">
        <SearchX aria-hidden className="text-fg-muted mt-0.5 size-4 shrink-0" />
        <span className="min-w-0 break-words">{`No loaded events match '${searchText}'.`}</span>
      </p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={props.onClearSearch}>Clear search</Button>
        {loadMore}
      </div>
    </div>
  );
}
