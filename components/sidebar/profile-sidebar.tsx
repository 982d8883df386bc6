"use client";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import { useCallback, useState, type ReactNode } from "react";
import type { Collection } from "@/lib/core/identifiers";
import { isNotFound } from "@/lib/queries/bff-fetch";
import type { SidebarProfile } from "@/lib/queries/lookup";
import { summaryQuery } from "@/lib/queries/profiles";
import { identitiesFoldedLine } from "@/lib/views/identity-groups";
import type { SectionId } from "@/lib/views/section-layout";
import { LinkedAccounts, MetadataCard } from "@/components/accounts/lazy-panels";
import { buttonOpener } from "@/components/accounts/openers";
import { JustHappened } from "@/components/profile/just-happened";
import { ProfileHeader } from "@/components/profile/profile-header";
import { SectionShortcuts } from "@/components/profile/section-shortcuts";
import { ViewFailure } from "@/components/profile/view-failure";
import { useViewSettings } from "@/components/profile/view-settings-context";
import { Timeline } from "@/components/timeline/lazy-timeline";
import { Button } from "@/components/ui/button";
import { PanelControlsContext, type PanelControls } from "@/components/ui/panel";
import { CalmFailureContext, ProfileFoundContext } from "@/components/ui/query-states";
import { RevealTargetContext } from "@/components/governance/reveal-target";
import { IdentityCards, SidebarNotFound, TraitsPanel } from "./lazy-sections";
import { useSectionLayout } from "./use-section-layout";

type Target = { collection: Collection; id: string; label: string };
type OpenProfile = (collection: Collection, id: string, label: string) => void;

/**
 * The compact sidebar (from 280 px wide): one column, no app chrome. Self-contained: it needs only a
 * QueryClientProvider above it (and, for the operator's settings, a ViewSettingsProvider). Opening a linked account
 * happens inside the sidebar (with a Back button) rather than by navigation, so a host iframe keeps its in-memory
 * sign-in. `id` is the profile's handle (every BFF call names it by that; DESIGN §10), `label` its identifier, shown.
 */
export function ProfileSidebar({
  collection,
  id,
  label,
  notFound = false,
}: Omit<SidebarProfile, "notFound"> & {
  /** No such profile (the lookup or the server's prefetch already knows): the 404 state without asking again. */
  notFound?: boolean;
}) {
  const [stack, setStack] = useState<SidebarProfile[]>([]);
  const current: SidebarProfile = stack.at(-1) ?? { collection, id, label, ...(notFound ? { notFound: true } : {}) };
  const open = (next: SidebarProfile) => setStack((s) => [...s, next]);
  return (
    <div className="min-w-0 space-y-3 p-2 text-sm" data-testid="profile-sidebar">
      {stack.length ? (
        <Button variant="ghost" onClick={() => setStack((s) => s.slice(0, -1))}>
          <ArrowLeft aria-hidden className="size-3.5" /> Back
        </Button>
      ) : null}
      {current.notFound ? (
        <SidebarNotFound key={stack.length} collection={current.collection} label={current.label} onOpen={open} />
      ) : (
        <SidebarProfileView
          key={`${current.collection}:${current.id}`}
          collection={current.collection}
          id={current.id}
          label={current.label}
          onOpen={(c, i, l) => open({ collection: c, id: i, label: l })}
        />
      )}
    </div>
  );
}

/** Agent-first: who (the summary header), what just happened, then the sections in the agent's own order. */
function SidebarProfileView({ collection, id, label, onOpen }: Target & { onOpen: OpenProfile }) {
  const summary = useQuery(summaryQuery(collection, id));
  const { pinnedTraits } = useViewSettings();
  const { layout, toggle, move, expand } = useSectionLayout();
  const reveal = useCallback((section: string) => expand(section as SectionId), [expand]);
  const idCount = summary.data?.external_ids?.length ?? null;
  const controlsFor = useCallback(
    (panelId: string): PanelControls | null => {
      const section = panelId as SectionId;
      if (!layout.order.includes(section)) return null;
      return {
        collapsed: layout.collapsed.includes(section),
        onToggle: () => toggle(section),
        onMove: (delta) => move(section, delta),
        foldedLine: section === "identities" ? identitiesFoldedLine(label, idCount) : undefined,
      };
    },
    [layout, toggle, move, label, idCount],
  );
  if (isNotFound(summary.error))
    return (
      <SidebarNotFound
        collection={collection}
        label={label}
        onOpen={(next) => onOpen(next.collection, next.id, next.label)}
      />
    );
  const sections: Record<SectionId, ReactNode> = {
    "just-happened": <JustHappened collection={collection} id={id} />,
    timeline: <Timeline collection={collection} id={id} heightClass="h-[28rem]" />,
    traits: <TraitsPanel collection={collection} id={id} pinned={pinnedTraits} />,
    linked: <LinkedAccounts collection={collection} id={id} renderOpener={buttonOpener(onOpen)} />,
    identities: <IdentityCards collection={collection} id={id} label={label} />,
    metadata: <MetadataCard collection={collection} id={id} />,
  };
  return (
    <ProfileFoundContext.Provider value={summary.isSuccess}>
      <RevealTargetContext.Provider value={{ collection, id }}>
        <CalmFailureContext.Provider value>
          <SectionShortcuts ids={["summary", ...layout.order]} onReveal={reveal} />
          <ProfileHeader collection={collection} id={id} label={label} summary={summary} compact />
          <ViewFailure collection={collection} id={id} />
          <PanelControlsContext.Provider value={controlsFor}>
            {layout.order.map((section) => (
              <div key={section}>{sections[section]}</div>
            ))}
          </PanelControlsContext.Provider>
        </CalmFailureContext.Provider>
      </RevealTargetContext.Provider>
    </ProfileFoundContext.Provider>
  );
}
