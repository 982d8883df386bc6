"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { History } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Collection } from "@/lib/core/identifiers";
import { eventsQuery } from "@/lib/queries/profiles";
import { buildTimelineRows, filterByType } from "@/lib/views/timeline-rows";
import { useViewSettings } from "@/components/profile/view-settings-context";
import { Panel } from "@/components/ui/panel";
import { LoadMoreError, RefreshError } from "@/components/ui/load-more";
import { ErrorState } from "@/components/ui/query-states";
import { Skeleton } from "@/components/ui/skeleton";
import { TimelineFilters, type TimelineFilterState } from "./timeline-filters";
import { TimelineRowView } from "./timeline-row";

export const EVENTS_PAGE_SIZE = 100;
const DAY_MS = 86_400_000;

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

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

/**
 * The event timeline: newest first, grouped by day, page-view runs folded, virtualized (only the rows near the
 * viewport are in the DOM) and paged through the API cursor as the agent scrolls.
 */
export function Timeline({
  collection,
  id,
  heightClass = "h-[32rem]",
}: {
  collection: Collection;
  id: string;
  heightClass?: string;
}) {
  const now = useNow();
  const { importantEvents } = useViewSettings();
  const important = useMemo(() => new Set(importantEvents), [importantEvents]);
  const [filters, setFilters] = useState<TimelineFilterState>({
    include: [],
    exclude: [],
    types: new Set(),
    rangeDays: 14,
  });
  const [start, setStart] = useState<string | undefined>(undefined);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const query = useInfiniteQuery(
    eventsQuery(collection, id, { include: filters.include, exclude: filters.exclude, start, limit: EVENTS_PAGE_SIZE }),
  );
  const rows = useMemo(
    () => buildTimelineRows(filterByType(query.data?.pages.flatMap((page) => page.data) ?? [], filters.types)),
    [query.data, filters.types],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // One extra row at the end: the loading indicator or the 14-day marker.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are not memoizable; this component never memoizes them
  const virtualizer = useVirtualizer({
    count: rows.length + 1,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === "day" ? 32 : 52),
    getItemKey: (index) => rows[index]?.key ?? "end",
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  // Scrolling near the end loads the next page; after a failed one, only the agent's Retry asks again.
  useEffect(() => {
    if (lastIndex >= rows.length - 10 && hasNextPage && !isFetchingNextPage && !isFetchNextPageError)
      void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  const changeFilters = (next: TimelineFilterState) => {
    if (next.rangeDays !== filters.rangeDays)
      setStart(next.rangeDays < 14 ? new Date(Date.now() - next.rangeDays * DAY_MS).toISOString() : undefined);
    setFilters(next);
  };
  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const loaded = query.data?.pages.reduce((n, page) => n + page.data.length, 0) ?? 0;
  let body;
  if (query.isPending) body = <Skeleton label="Loading events" lines={8} />;
  // The full error state only when nothing is loaded: a failed next page (or refetch) keeps the rows.
  else if (query.isError && !query.data)
    body = <ErrorState error={query.error} what="Events" onRetry={() => void query.refetch()} />;
  else {
    body = (
      <>
        <RefreshError query={query} noun="events" />
        <div
          ref={scrollRef}
          className={`${heightClass} overflow-x-hidden overflow-y-auto overscroll-contain`}
          data-testid="timeline-scroll"
          tabIndex={0}
          aria-label={`Events, ${loaded} loaded`}
        >
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rows[item.index];
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="absolute top-0 left-0 w-full px-0.5"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row ? (
                    <TimelineRowView
                      row={row}
                      now={now}
                      expanded={expanded.has(row.key)}
                      onToggle={() => toggle(row.key)}
                      important={important}
                    />
                  ) : isFetchNextPageError && !isFetchingNextPage ? (
                    <LoadMoreError noun="events" onRetry={() => void fetchNextPage()} />
                  ) : hasNextPage || isFetchingNextPage ? (
                    <Skeleton label="Loading more events" lines={2} />
                  ) : (
                    <EndOfTimeline rangeDays={filters.rangeDays} count={rows.length} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </>
    );
  }
  return (
    <Panel title="Timeline" id="timeline">
      <TimelineFilters value={filters} onChange={changeFilters} />
      {body}
    </Panel>
  );
}
