"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { AuditPage } from "@/lib/core/audit-view";
import { BffError } from "@/lib/queries/bff-fetch";
import { useBffFetcher } from "@/lib/queries/client-fetcher";
import { AuditFiltersForm, type AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { ExportCsvButton } from "./export-csv-button";

const PAGE_SIZE = 50;

/**
 * The audit log page's state: the applied filters and the cursors of the pages seen so far (Newer goes back through
 * them), all in memory. Every page is a POST /api/audit, so no filter value reaches a URL.
 */
export function AuditLogView() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const fetchBff = useBffFetcher();
  const query = useQuery({
    queryKey: ["audit-log", filters, cursor ?? null],
    queryFn: ({ signal }) =>
      fetchBff<AuditPage>("/api/audit", {
        signal,
        json: { ...filters, limit: PAGE_SIZE, ...(cursor ? { next: cursor } : {}) },
      }),
    retry: false,
    staleTime: 0,
  });
  const apply = (next: AuditFilters) => {
    setFilters(next);
    setCursors([]);
  };
  const page = query.data;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">Audit log</h1>
        <ExportCsvButton filters={filters} />
      </div>
      <AuditFiltersForm onApply={apply} />
      <div aria-live="polite" className="text-fg-muted text-sm" data-testid="audit-status">
        {query.isPending
          ? "Loading entries…"
          : page
            ? `${page.data.length} ${page.data.length === 1 ? "entry" : "entries"} on this page, newest first${cursors.length ? ` (page ${cursors.length + 1})` : ""}.`
            : ""}
      </div>
      {query.isError ? (
        <p role="alert" className="text-danger text-sm">
          {query.error instanceof BffError && query.error.status === 400
            ? query.error.message
            : "The audit log could not be read just now. Try again."}
        </p>
      ) : null}
      {page && page.data.length > 0 ? <AuditTable entries={page.data} /> : null}
      {page && page.data.length === 0 ? <p className="text-sm">No entries match these filters.</p> : null}
      <nav aria-label="Audit log pages" className="flex gap-2">
        <Button disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Newer
        </Button>
        <Button disabled={!page?.next} onClick={() => page?.next && setCursors((c) => [...c, page.next as string])}>
          Older
        </Button>
      </nav>
    </div>
  );
}
