"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { Collection } from "@/lib/core/identifiers";
import { eventsQuery } from "@/lib/queries/profiles";
import { buildTimelineRows, filterByType, rowDays } from "@/lib/views/timeline-rows";
import {
  describeSearch,
  EMPTY_SEARCH,
  isSearchActive,
  searchEvents,
  seenLabels,
  type TimelineSearch,
} from "@/lib/views/timeline-search";
import { useViewSettings } from "@/components/profile/view-settings-context";
import { Panel } from "@/components/ui/panel";
import { RefreshError } from "@/components/ui/load-more";
import { ErrorState } from "@/components/ui/query-states";
import { Skeleton } from "@/components/ui/skeleton";
import { useNow } from "@/components/ui/use-now";
import { NewEventsMarker } from "./new-events-marker";
import { StickyDay } from "./sticky-day";
import { TimelineEnd } from "./timeline-end";
import { TimelineFilters, type TimelineFilterState } from "./timeline-filters";
import { TimelineRowView } from "./timeline-row";
import { TimelineSearchBar } from "./timeline-search-bar";
import { useLiveEvents } from "./use-live-events";

export const EVENTS_PAGE_SIZE = 100;
const DAY_MS = 86_400_000;

/**
 * The event timeline: newest first, grouped by day (the top row's day sticks), page-view runs folded, virtualized
 * (only the rows near the viewport are in the DOM), paged through the API cursor as the agent scrolls, searchable
 * over what is loaded, and live: newer events wait behind an "N new events" marker.
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
  const { importantEvents, liveIntervalSeconds } = useViewSettings();
  const important = useMemo(() => new Set(importantEvents), [importantEvents]);
  const [filters, setFilters] = useState<TimelineFilterState>({
    include: [],
    exclude: [],
    types: new Set(),
    rangeDays: 14,
  });
  const [search, setSearch] = useState<TimelineSearch>(EMPTY_SEARCH);
  // Typing stays responsive over thousands of loaded events: the list follows a moment later.
  const shownSearch = useDeferredValue(search);
  const [start, setStart] = useState<string | undefined>(undefined);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const options = eventsQuery(collection, id, {
    include: filters.include,
    exclude: filters.exclude,
    start,
    limit: EVENTS_PAGE_SIZE,
  });
  const query = useInfiniteQuery(options);
  const typed = useMemo(
    () => filterByType(query.data?.pages.flatMap((page) => page.data) ?? [], filters.types),
    [query.data, filters.types],
  );
  const labels = useMemo(() => seenLabels(typed), [typed]);
  const shown = useMemo(() => searchEvents(typed, shownSearch), [typed, shownSearch]);
  const rows = useMemo(() => buildTimelineRows(shown), [shown]);
  const days = useMemo(() => rowDays(rows), [rows]);
  const searching = isSearchActive(shownSearch);
  const live = useLiveEvents({
    collection,
    id,
    timelineKey: options.queryKey,
    data: query.data,
    dataUpdatedAt: query.dataUpdatedAt,
    names: { include: filters.include, exclude: filters.exclude },
    rangeDays: filters.rangeDays,
    intervalSeconds: liveIntervalSeconds,
  });
  const newCount = useMemo(
    () => searchEvents(filterByType(live.pending, filters.types), shownSearch).length,
    [live.pending, filters.types, shownSearch],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  // One extra row at the end: loading, the 14-day marker, or what the search found.
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
  // Scrolling near the end loads the next page (not while searching: the agent loads more on purpose); after a
  // failed one, only the agent's Retry asks again.
  useEffect(() => {
    if (searching) return;
    if (lastIndex >= rows.length - 10 && hasNextPage && !isFetchingNextPage && !isFetchNextPageError)
      void fetchNextPage();
  }, [searching, lastIndex, rows.length, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);
  // The day of the row at the top of the scrolled list (none at the very top, where its own heading shows).
  const offset = virtualizer.scrollOffset ?? 0;
  const topIndex = items.find((item) => item.end > offset)?.index ?? 0;
  const stickyDay = offset > 0 ? (days[topIndex] ?? null) : null;

  const toTop = () => {
    scrollRef.current?.scrollTo({ top: 0 });
    scrollRef.current?.focus({ preventScroll: true });
  };
  const changeFilters = (next: TimelineFilterState) => {
    if (next.rangeDays !== filters.rangeDays)
      setStart(next.rangeDays < 14 ? new Date(Date.now() - next.rangeDays * DAY_MS).toISOString() : undefined);
    setFilters(next);
  };
  const changeSearch = (next: TimelineSearch) => {
    setSearch(next);
    scrollRef.current?.scrollTo({ top: 0 });
  };
  const showNew = () => void live.show().then(toTop);
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
        <NewEventsMarker count={newCount} complete={live.complete} onShow={showNew} />
        <div
          ref={scrollRef}
          className={`${heightClass} overflow-x-hidden overflow-y-auto overscroll-contain`}
          data-testid="timeline-scroll"
          tabIndex={0}
          aria-label={searching ? `Events, ${shown.length} of ${loaded} loaded match` : `Events, ${loaded} loaded`}
        >
          <StickyDay day={stickyDay} now={now} />
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rows[item.index];
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  data-day={days[item.index]}
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
                  ) : (
                    <TimelineEnd
                      rangeDays={filters.rangeDays}
                      shown={shown.length}
                      loaded={loaded}
                      searchText={searching ? describeSearch(shownSearch) : null}
                      onClearSearch={() => changeSearch(EMPTY_SEARCH)}
                      hasNextPage={hasNextPage}
                      isFetchingNextPage={isFetchingNextPage}
                      isFetchNextPageError={isFetchNextPageError}
                      fetchNextPage={() => void fetchNextPage()}
                    />
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
      <TimelineSearchBar value={search} labels={labels} onChange={changeSearch} />
      <TimelineFilters value={filters} onChange={changeFilters} />
      {body}
    </Panel>
  );
}
