"use client";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import {
  DEFAULT_SECTION_LAYOUT,
  moveSection,
  parseSectionLayout,
  SECTION_LAYOUT_KEY,
  toggleSection,
  type SectionId,
  type SectionLayout,
} from "@/lib/views/section-layout";

// localStorage as an external store: the layout is the agent's preference in this browser (no customer data in it).
// A same-tab change is announced with this event, since "storage" only fires in other tabs.
const CHANGED = "profile-sidebar:sections-changed";

// Where the layout lives when the browser refuses storage (some host frames): for this page's life.
let memory: string | null = null;

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(SECTION_LAYOUT_KEY) ?? memory;
  } catch {
    return memory;
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function write(layout: SectionLayout): void {
  memory = JSON.stringify(layout);
  try {
    window.localStorage.setItem(SECTION_LAYOUT_KEY, JSON.stringify(layout));
  } catch {
    /* blocked or full: the change lasts until the page is left */
  }
  window.dispatchEvent(new Event(CHANGED));
}

/** The sidebar's remembered section order and folds, with the actions that change them. */
export function useSectionLayout() {
  const raw = useSyncExternalStore(subscribe, readRaw, () => null);
  const layout = useMemo(() => parseSectionLayout(raw), [raw]);
  const toggle = useCallback((id: SectionId) => write(toggleSection(parseSectionLayout(readRaw()), id)), []);
  const move = useCallback(
    (id: SectionId, delta: -1 | 1) => write(moveSection(parseSectionLayout(readRaw()), id, delta)),
    [],
  );
  /** Unfolds a section (a skip link or shortcut jumping to it); a folded one stays as it was otherwise. */
  const expand = useCallback((id: SectionId) => {
    const current = parseSectionLayout(readRaw());
    if (current.collapsed.includes(id)) write(toggleSection(current, id));
  }, []);
  return { layout: raw === null ? DEFAULT_SECTION_LAYOUT : layout, toggle, move, expand };
}
