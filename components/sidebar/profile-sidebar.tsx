"use client";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import { useState } from "react";
import type { Collection } from "@/lib/core/identifiers";
import { isNotFound } from "@/lib/queries/bff-fetch";
import { summaryQuery } from "@/lib/queries/profiles";
import { LinkedAccounts, MetadataCard } from "@/components/accounts/lazy-panels";
import { buttonOpener } from "@/components/accounts/openers";
import { IdentityCards } from "@/components/identities/identity-cards";
import { NotFoundState } from "@/components/profile/not-found-state";
import { ProfileHeader } from "@/components/profile/profile-header";
import { Timeline } from "@/components/timeline/lazy-timeline";
import { TraitsPanel } from "@/components/traits/traits-panel";
import { Button } from "@/components/ui/button";
import { ProfileFoundContext } from "@/components/ui/query-states";
import { IdentifierForm } from "./identifier-form";
import { RevealTargetContext } from "@/components/governance/reveal-target";

/** Pinned traits when the host page passes none (the same default as PINNED_TRAITS). */
export const DEFAULT_PINNED_TRAITS = ["name", "email", "plan", "company", "lifetime_value", "last_seen_at"];

type Target = { collection: Collection; id: string };

/**
 * The compact sidebar (from 280 px wide): one column, no app chrome. Self-contained: it needs only a
 * QueryClientProvider above it. Opening a linked account happens inside the sidebar (with a Back button) rather
 * than by navigation, so a host iframe keeps its in-memory sign-in.
 */
export function ProfileSidebar({
  collection,
  id,
  pinnedTraits = DEFAULT_PINNED_TRAITS,
  notFound = false,
}: {
  collection: Collection;
  id: string;
  pinnedTraits?: readonly string[];
  /** The server already knows this profile does not exist: show the 404 state without asking again. */
  notFound?: boolean;
}) {
  const [stack, setStack] = useState<Target[]>([]);
  const current = stack.at(-1) ?? { collection, id };
  const open = (c: Collection, i: string) => setStack((s) => [...s, { collection: c, id: i }]);
  return (
    <div className="min-w-0 space-y-3 p-2 text-sm" data-testid="profile-sidebar">
      {stack.length ? (
        <Button variant="ghost" onClick={() => setStack((s) => s.slice(0, -1))}>
          <ArrowLeft aria-hidden className="size-3.5" /> Back
        </Button>
      ) : null}
      {notFound && !stack.length ? (
        <SidebarNotFound collection={collection} id={id} onOpen={open} />
      ) : (
        <SidebarProfile key={`${current.collection}:${current.id}`} {...current} pinned={pinnedTraits} onOpen={open} />
      )}
    </div>
  );
}

function SidebarProfile({
  collection,
  id,
  pinned,
  onOpen,
}: Target & { pinned: readonly string[]; onOpen: (collection: Collection, id: string) => void }) {
  const summary = useQuery(summaryQuery(collection, id));
  if (isNotFound(summary.error)) return <SidebarNotFound collection={collection} id={id} onOpen={onOpen} />;
  return (
    <ProfileFoundContext.Provider value={summary.isSuccess}>
      <RevealTargetContext.Provider value={{ collection, id }}>
        <ProfileHeader collection={collection} id={id} summary={summary} compact />
        <IdentityCards collection={collection} id={id} />
        <TraitsPanel collection={collection} id={id} pinned={pinned} />
        <Timeline collection={collection} id={id} heightClass="h-[28rem]" />
        <LinkedAccounts collection={collection} id={id} renderOpener={buttonOpener(onOpen)} />
        <MetadataCard collection={collection} id={id} />
      </RevealTargetContext.Provider>
    </ProfileFoundContext.Provider>
  );
}

/** No such profile: say so, and offer a lookup that opens the next profile inside the sidebar (with Back). */
function SidebarNotFound({
  collection,
  id,
  onOpen,
}: Target & { onOpen: (collection: Collection, id: string) => void }) {
  return (
    <NotFoundState collection={collection} id={id}>
      <IdentifierForm onOpen={(target) => onOpen(target.collection, target.id)} />
    </NotFoundState>
  );
}
