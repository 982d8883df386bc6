"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useId, useMemo, useState } from "react";
import type { JsonValue, VerboseTraitValue } from "@/lib/core/api-types";
import type { Collection } from "@/lib/core/identifiers";
import { keyTraitsQuery, summaryQuery, TRAITS_PAGE_SIZE, traitsQuery, type TraitClass } from "@/lib/queries/profiles";
import { otherClassKeys } from "@/lib/views/trait-values";
import { Panel } from "@/components/ui/panel";
import { LoadMoreFromQuery, RefreshError } from "@/components/ui/load-more";
import { EmptyState, ErrorState } from "@/components/ui/query-states";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, tabPanelProps } from "@/components/ui/tabs";
import { AudienceList, TraitList, toEntries } from "./trait-list";

const TABS: { value: TraitClass; label: string }[] = [
  { value: "trait", label: "Traits" },
  { value: "computed_trait", label: "Computed" },
  { value: "audience", label: "Audiences" },
];

const NOUNS: Record<TraitClass, string> = { trait: "traits", computed_trait: "computed traits", audience: "audiences" };

function TraitsBody({
  collection,
  id,
  traitClass,
  verbose,
  search,
  pinned,
}: {
  collection: Collection;
  id: string;
  traitClass: TraitClass;
  verbose: boolean;
  search: string;
  pinned: readonly string[];
}) {
  const query = useInfiniteQuery(traitsQuery(collection, id, { class: traitClass, verbose, limit: TRAITS_PAGE_SIZE }));
  // The pinned keys come in their own small `include` query, so one that sorts onto a later page is still shown first.
  // A failure here is not shown: the pinned keys then just appear in their page like any other.
  const pinnedKeys = traitClass === "trait" ? pinned : [];
  const pinnedQuery = useQuery(keyTraitsQuery(collection, id, pinnedKeys, verbose));
  const pinnedData = pinnedKeys.length ? pinnedQuery.data : undefined;
  // The API's plain traits include the computed traits and audiences too: each has its own tab, so the Traits tab
  // leaves them out. The summary says which keys they are: read from the cache the header fills (never fetched from
  // here, so the panel alone costs no summary call; until it is there, nothing is left out).
  const summary = useQuery({ ...summaryQuery(collection, id), enabled: false });
  const elsewhere = useMemo(
    () => (traitClass === "trait" ? otherClassKeys(summary.data) : null),
    [traitClass, summary.data],
  );
  const entries = useMemo(() => {
    const merged: Record<string, JsonValue | VerboseTraitValue> = { ...pinnedData?.traits };
    for (const page of query.data?.pages ?? []) Object.assign(merged, page.traits);
    const shown = Object.entries(merged).filter(([key]) => !elsewhere?.has(key));
    return toEntries(Object.fromEntries(shown), verbose);
  }, [query.data, pinnedData, verbose, elsewhere]);
  if (query.isPending) return <Skeleton label={`Loading ${NOUNS[traitClass]}`} lines={6} />;
  // The full error state only when nothing is loaded: a failed "Load more" (or refetch) keeps the list.
  if (query.isError && !query.data)
    return <ErrorState error={query.error} what={NOUNS[traitClass]} onRetry={() => void query.refetch()} />;
  const count = Object.keys(entries).length;
  if (count === 0) return <EmptyState>This profile has no {NOUNS[traitClass]}.</EmptyState>;
  const searching = search.trim() !== "" && query.hasNextPage;
  return (
    <>
      {searching ? (
        <p className="text-fg-muted py-1 text-xs" data-testid="partial-search">
          Searching the {count} loaded {NOUNS[traitClass]} — Load more to search all.
        </p>
      ) : null}
      {traitClass === "audience" ? (
        <AudienceList entries={entries} search={search} verbose={verbose} />
      ) : (
        <TraitList entries={entries} pinned={traitClass === "trait" ? pinned : []} search={search} verbose={verbose} />
      )}
      <RefreshError query={query} noun={NOUNS[traitClass]} />
      <LoadMoreFromQuery query={query} noun={NOUNS[traitClass]} shown={count} />
    </>
  );
}

/** Traits, computed traits and audiences with search by key, pinned traits first, and a verbose (provenance) mode. */
export function TraitsPanel({
  collection,
  id,
  pinned,
}: {
  collection: Collection;
  id: string;
  pinned: readonly string[];
}) {
  const [tab, setTab] = useState<TraitClass>("trait");
  const [search, setSearch] = useState("");
  const [verbose, setVerbose] = useState(false);
  const prefix = useId().replace(/:/g, "");
  return (
    <Panel title="Traits & audiences" id="traits">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <label className="border-border focus-within:outline-focus flex min-w-0 flex-1 basis-36 items-center gap-1 rounded-md border px-2 focus-within:outline-2">
          <Search aria-hidden className="text-fg-muted size-3.5 shrink-0" />
          <span className="sr-only">Search by key</span>
          <input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search by key"
            className="min-w-0 flex-1 bg-transparent py-1 text-sm outline-none"
          />
        </label>
        <label className="flex items-center gap-1.5 text-sm">
          <input
            type="checkbox"
            checked={verbose}
            onChange={(event) => setVerbose(event.target.checked)}
            className="accent-accent size-4"
          />
          Source &amp; last update
        </label>
      </div>
      <Tabs items={TABS} value={tab} onChange={setTab} label="Trait classes" idPrefix={prefix} />
      <div {...tabPanelProps(prefix, tab)} className="pt-1 focus-visible:outline-offset-0">
        <TraitsBody
          collection={collection}
          id={id}
          traitClass={tab}
          verbose={verbose}
          search={search}
          pinned={pinned}
        />
      </div>
    </Panel>
  );
}
