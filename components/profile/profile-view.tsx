"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { displayName } from "@/lib/views/profile-summary";
import { saveRecentLookup } from "@/lib/views/recent-lookups";
import type { Collection } from "@/lib/core/identifiers";
import { isNotFound } from "@/lib/queries/bff-fetch";
import { summaryQuery } from "@/lib/queries/profiles";
import { linkOpener } from "@/components/accounts/link-opener";
import { LinkedAccounts } from "@/components/accounts/linked-accounts";
import { MetadataCard } from "@/components/accounts/metadata-card";
import { IdentityCards } from "@/components/identities/identity-cards";
import { Timeline } from "@/components/timeline/lazy-timeline";
import { TraitsPanel } from "@/components/traits/traits-panel";
import { CalmFailureContext, ProfileFoundContext } from "@/components/ui/query-states";
import { JustHappened } from "./just-happened";
import { ProfileNotFound } from "./not-found-state";
import { ProfileHeader } from "./profile-header";
import { SectionShortcuts } from "./section-shortcuts";
import { ViewFailure } from "./view-failure";
import { useViewSettings } from "./view-settings-context";

/** The full page's sections, for the skip links and shortcuts. */
const FULL_PAGE_SECTIONS = ["summary", "just-happened", "identities", "traits", "timeline", "linked", "metadata"];

/**
 * The full profile page, for the profile whose handle is `id` (every query and link uses it; DESIGN §10) and which
 * was opened by `label` (its `type:value`, shown on the page, never put in a URL). The summary paints the header first; every panel runs its own query at the same time, so
 * a slow part only delays its own panel.
 */
export function ProfileView({ collection, id, label }: { collection: Collection; id: string; label: string }) {
  const summary = useQuery(summaryQuery(collection, id));
  const { pinnedTraits: pinned } = useViewSettings();
  const name = summary.isSuccess ? displayName(summary.data) : null;
  // Recent lookups hold only profiles that were found, with their names.
  useEffect(() => {
    if (summary.isSuccess)
      saveRecentLookup(window.sessionStorage, { collection, id, label, ...(name ? { name } : {}) });
  }, [summary.isSuccess, collection, id, label, name]);
  if (isNotFound(summary.error)) {
    return <ProfileNotFound collection={collection} id={label} />;
  }
  return (
    <ProfileFoundContext.Provider value={summary.isSuccess}>
      <CalmFailureContext.Provider value>
        <div className="space-y-4">
          <SectionShortcuts ids={FULL_PAGE_SECTIONS} />
          <ProfileHeader collection={collection} id={id} label={label} summary={summary} />
          <ViewFailure collection={collection} id={id} />
          <JustHappened collection={collection} id={id} />
          <div className="grid gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
            <div className="min-w-0 space-y-4">
              <IdentityCards collection={collection} id={id} label={label} />
              <TraitsPanel collection={collection} id={id} pinned={pinned} />
            </div>
            <div className="min-w-0 space-y-4">
              <Timeline collection={collection} id={id} heightClass="h-[36rem]" />
              <LinkedAccounts collection={collection} id={id} renderOpener={linkOpener} />
              <MetadataCard collection={collection} id={id} />
            </div>
          </div>
        </div>
      </CalmFailureContext.Provider>
    </ProfileFoundContext.Provider>
  );
}
