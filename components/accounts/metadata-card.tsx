"use client";
import { useQuery } from "@tanstack/react-query";
import type { Collection } from "@/lib/core/identifiers";
import { metadataQuery } from "@/lib/queries/profiles";
import { Panel } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { ErrorState } from "@/components/ui/query-states";
import { Skeleton } from "@/components/ui/skeleton";

function When({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span className="text-fg-muted">unknown</span>;
  return <RelativeTime iso={iso} />;
}

/** When the profile was created and last updated, and which sources first and last wrote to it. */
export function MetadataCard({ collection, id }: { collection: Collection; id: string }) {
  const query = useQuery(metadataQuery(collection, id));
  let body;
  if (query.isPending) body = <Skeleton label="Loading profile metadata" lines={4} />;
  else if (query.isError)
    body = <ErrorState error={query.error} what="Profile metadata" onRetry={() => void query.refetch()} />;
  else {
    const m = query.data.metadata;
    const rows: [string, React.ReactNode][] = [
      ["Created", <When key="c" iso={m.created_at} />],
      ["Updated", <When key="u" iso={m.updated_at} />],
      ["First source", m.first_source_id ?? "unknown"],
      ["Last source", m.last_source_id ?? "unknown"],
    ];
    body = (
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-fg-muted">{label}</dt>
            <dd className="min-w-0 break-all">{value}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <Panel title="Profile metadata" id="metadata">
      {body}
    </Panel>
  );
}
