"use client";
import { ChevronDown, ChevronRight, ChevronUp } from "lucide-react";
import { createContext, useContext, type ReactNode } from "react";
import { Skeleton } from "./skeleton";

/** What a surrounding layout (the sidebar) lets a panel do: fold, move, and the one line it shows when folded. */
export type PanelControls = {
  collapsed: boolean;
  onToggle: () => void;
  onMove?: (delta: -1 | 1) => void;
  /** Shown instead of the content while folded, e.g. "matched by email · 9 identifiers". */
  foldedLine?: string;
};

/** Given by the sidebar; absent on the full page, where panels are always open. */
export const PanelControlsContext = createContext<((id: string) => PanelControls | null) | null>(null);

const iconButton = "text-fg-muted hover:bg-surface-sunken hover:text-fg rounded p-1";

/** A titled section of the profile; in the sidebar it can be folded and moved (the sidebar remembers both). */
export function Panel({
  title,
  actions,
  children,
  id,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const panelId = id ?? title.toLowerCase().replace(/\W+/g, "-");
  const headingId = `${panelId}-heading`;
  const controls = useContext(PanelControlsContext)?.(panelId) ?? null;
  const Chevron = controls?.collapsed ? ChevronRight : ChevronDown;
  return (
    <section
      aria-labelledby={headingId}
      className="border-border bg-surface min-w-0 scroll-mt-2 rounded-lg border p-3"
      id={`section-${panelId}`}
      // Focusable by script and by a skip link's fragment, before hydration too (Chromium focuses a focusable target).
      tabIndex={-1}
      data-section={panelId}
    >
      <div className={`${controls?.collapsed ? "" : "mb-2"} flex flex-wrap items-center justify-between gap-2`}>
        <h2 id={headingId} className="min-w-0 text-sm font-semibold">
          {controls ? (
            <button
              type="button"
              aria-expanded={!controls.collapsed}
              onClick={controls.onToggle}
              className="flex min-w-0 items-center gap-1 text-left hover:underline"
            >
              <Chevron aria-hidden className="size-4 shrink-0" />
              {title}
            </button>
          ) : (
            title
          )}
        </h2>
        <div className="flex items-center gap-1">
          {controls?.collapsed ? null : actions}
          {controls?.onMove ? (
            <>
              <button
                type="button"
                aria-label={`Move ${title} up`}
                onClick={() => controls.onMove?.(-1)}
                className={iconButton}
              >
                <ChevronUp aria-hidden className="size-3.5" />
              </button>
              <button
                type="button"
                aria-label={`Move ${title} down`}
                onClick={() => controls.onMove?.(1)}
                className={iconButton}
              >
                <ChevronDown aria-hidden className="size-3.5" />
              </button>
            </>
          ) : null}
        </div>
      </div>
      {controls?.collapsed ? (
        controls.foldedLine ? (
          <p className="text-fg-muted mt-1 text-xs break-words" data-testid="section-folded-line">
            {controls.foldedLine}
          </p>
        ) : null
      ) : (
        children
      )}
    </section>
  );
}

/**
 * A panel whose code is still loading (a `next/dynamic` placeholder): its frame and fold controls, a skeleton inside.
 * A folded section shows its one line, as the loaded panel would.
 */
export function PanelSkeleton({
  title,
  id,
  label,
  lines,
}: {
  title: string;
  id: string;
  label: string;
  lines: number;
}) {
  return (
    <Panel title={title} id={id}>
      <Skeleton label={label} lines={lines} />
    </Panel>
  );
}
