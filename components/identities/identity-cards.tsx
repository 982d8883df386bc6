"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  Building2,
  Fingerprint,
  Globe,
  Mail,
  Phone,
  Smartphone,
  User,
  VenetianMask,
  type LucideIcon,
} from "lucide-react";
import { isMaskedValue, type ExternalId } from "@/lib/core/api-types";
import { MaskedValueView } from "@/components/governance/masked-value";
import type { Collection } from "@/lib/core/identifiers";
import { externalIdsQuery, moreExternalIdsQuery } from "@/lib/queries/profiles";
import { RelativeTime } from "@/components/ui/relative-time";
import { groupExternalIds, isMatchedIdentifier, type IdentityKind } from "@/lib/views/identity-groups";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { Panel } from "@/components/ui/panel";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState } from "@/components/ui/query-states";
import { Skeleton } from "@/components/ui/skeleton";

const ICONS: Record<IdentityKind, LucideIcon> = {
  user_id: User,
  email: Mail,
  phone: Phone,
  anonymous_id: VenetianMask,
  device: Smartphone,
  cross_domain_id: Globe,
  group_id: Building2,
  other: Fingerprint,
};

function IdentityItem({ externalId, matched }: { externalId: ExternalId; matched: boolean }) {
  return (
    <li className="min-w-0 py-1">
      <div className="flex min-w-0 items-center gap-1">
        {isMaskedValue(externalId.id) ? (
          <span className="min-w-0 flex-1 text-sm">
            <MaskedValueView value={externalId.id} field={{ external_id_type: externalId.type }} />
          </span>
        ) : (
          <>
            <span className="min-w-0 flex-1 font-mono text-sm break-all">{externalId.id}</span>
            <CopyButton value={externalId.id} label={`${externalId.type} ${externalId.id}`} />
          </>
        )}
      </div>
      <div className="text-fg-muted flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs">
        {externalId.type !== "user_id" && externalId.type !== "email" && externalId.type !== "phone" ? (
          <span>{externalId.type}</span>
        ) : null}
        {externalId.source_id ? <span>source {externalId.source_id}</span> : null}
        {externalId.created_at ? (
          <span>
            first seen <RelativeTime iso={externalId.created_at} />
          </span>
        ) : null}
        {matched ? <Badge tone="accent">matched by</Badge> : null}
      </div>
    </li>
  );
}

/**
 * Every identifier of the profile (`id` is its handle), grouped by kind; the one the agent looked it up by (`label`,
 * its `type:value`) is marked "matched by".
 */
export function IdentityCards({ collection, id, label }: { collection: Collection; id: string; label: string }) {
  const query = useQuery(externalIdsQuery(collection, id));
  // The first page is its own (server-prefetched) query; "Load more" starts a second, paged one at its cursor.
  const firstNext = query.data?.cursor?.has_more && query.data.cursor.next ? query.data.cursor.next : "";
  const [loadingMore, setLoadingMore] = useState(false);
  const more = useInfiniteQuery({
    ...moreExternalIdsQuery(collection, id, firstNext),
    enabled: loadingMore && firstNext !== "",
  });
  let body;
  if (query.isPending) body = <Skeleton label="Loading identities" lines={4} />;
  else if (query.isError)
    body = <ErrorState error={query.error} what="Identities" onRetry={() => void query.refetch()} />;
  else if (query.data.data.length === 0) body = <EmptyState>This profile has no identifiers.</EmptyState>;
  else {
    const ids = [...query.data.data, ...(more.data?.pages.flatMap((page) => page.data) ?? [])];
    const hasMore = more.data ? more.hasNextPage : firstNext !== "";
    body = (
      <>
        <div className="grid [grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr))] gap-2">
          {groupExternalIds(ids).map((group) => {
            const Icon = ICONS[group.kind];
            return (
              <div
                key={group.kind}
                className="border-border bg-surface-raised min-w-0 rounded-md border p-2"
                data-testid="identity-group"
              >
                <h3 className="text-fg-muted flex items-center gap-1.5 text-xs font-semibold tracking-wide uppercase">
                  <Icon aria-hidden className="size-3.5" /> {group.label}
                </h3>
                <ul>
                  {group.ids.map((externalId, index) => (
                    <IdentityItem
                      key={
                        isMaskedValue(externalId.id)
                          ? `${externalId.type}#${index}`
                          : `${externalId.type}:${externalId.id}`
                      }
                      externalId={externalId}
                      matched={isMatchedIdentifier(externalId, label)}
                    />
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
        <LoadMore
          noun="identifiers"
          shown={ids.length}
          hasMore={hasMore}
          fetching={more.isFetching}
          failed={more.isError}
          onLoadMore={() => (loadingMore ? void more.fetchNextPage() : setLoadingMore(true))}
          onRetry={() => void (more.data ? more.fetchNextPage() : more.refetch())}
        />
      </>
    );
  }
  return (
    <Panel title="Identities" id="identities">
      {body}
    </Panel>
  );
}
