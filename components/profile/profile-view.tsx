"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Collection } from "@/lib/core/identifiers";
import { isNotFound } from "@/lib/queries/bff-fetch";
import { summaryQuery } from "@/lib/queries/profiles";
import { linkOpener } from "@/components/accounts/link-opener";
import { LinkedAccounts } from "@/components/accounts/linked-accounts";
import { MetadataCard } from "@/components/accounts/metadata-card";
import { IdentityCards } from "@/components/identities/identity-cards";
import { Timeline } from "@/components/timeline/timeline";
import { TraitsPanel } from "@/components/traits/traits-panel";
import { ProfileFoundContext } from "@/components/ui/query-states";
import { NotFoundState } from "./not-found-state";
import { ProfileHeader } from "./profile-header";

/**
 * The full profile page. The summary paints the header first; every panel runs its own query at the same time, so
 * a slow part only delays its own panel.
 */
export function ProfileView({
  collection,
  id,
  pinned,
}: {
  collection: Collection;
  id: string;
  pinned: readonly string[];
}) {
  const summary = useQuery(summaryQuery(collection, id));
  if (isNotFound(summary.error)) {
    return (
      <NotFoundState collection={collection} id={id}>
        <Link href="/" className="text-accent underline">
          Look up another identifier
        </Link>
      </NotFoundState>
    );
  }
  return (
    <ProfileFoundContext.Provider value={summary.isSuccess}>
      <div className="space-y-4">
        <ProfileHeader collection={collection} id={id} summary={summary} />
        <div className="grid gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
          <div className="min-w-0 space-y-4">
            <IdentityCards collection={collection} id={id} />
            <TraitsPanel collection={collection} id={id} pinned={pinned} />
          </div>
          <div className="min-w-0 space-y-4">
            <Timeline collection={collection} id={id} heightClass="h-[36rem]" />
            <LinkedAccounts collection={collection} id={id} renderOpener={linkOpener} />
            <MetadataCard collection={collection} id={id} />
          </div>
        </div>
      </div>
    </ProfileFoundContext.Provider>
  );
}
