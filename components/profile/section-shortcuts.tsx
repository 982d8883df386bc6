"use client";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useState } from "react";
import { readShortcut, SHORTCUT_SECTIONS, type ShortcutSection } from "@/lib/views/section-shortcuts";

/** The help dialog's code loads the first time it is asked for (see ShortcutsHelp). */
const ShortcutsHelp = dynamic(() => import("./shortcuts-help").then((module) => module.ShortcutsHelp), { ssr: false });

const OPEN_HELP = "profile-sidebar:shortcuts-help";
/** How long "g" waits for its letter. */
const PREFIX_MS = 1500;

/** Opens the shortcuts help (the "?" button of the summary actions). */
export function openShortcutsHelp(): void {
  window.dispatchEvent(new Event(OPEN_HELP));
}

/** Keys typed into a field are the agent's text, never a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Moves focus (and the view) to a section; `onReveal` first unfolds it where sections fold (the sidebar). */
function jumpTo(section: string, onReveal?: (section: string) => void) {
  onReveal?.(section);
  // After React has rendered the unfolded section.
  requestAnimationFrame(() => {
    const element = document.getElementById(`section-${section}`);
    if (!element) return;
    if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
    element.focus();
  });
}

function useShortcutKeys(sections: readonly ShortcutSection[], onHelp: () => void, onJump: (id: string) => void) {
  useEffect(() => {
    let prefixUntil = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTyping(event.target)) return;
      const modifiers = { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey };
      const action = readShortcut(event.key, Date.now() < prefixUntil, modifiers, sections);
      prefixUntil = 0;
      if (!action) return;
      event.preventDefault();
      if (action.kind === "prefix") prefixUntil = Date.now() + PREFIX_MS;
      else if (action.kind === "help") onHelp();
      else onJump(action.section);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [sections, onHelp, onJump]);
}

/**
 * Ways between a profile's sections without 23 Tab presses: skip links (shown when focused, the first stop of the
 * view) and "g" + letter shortcuts, listed in a help dialog opened with "?". `sections` are the ids the view shows.
 */
export function SectionShortcuts({ ids, onReveal }: { ids: readonly string[]; onReveal?: (section: string) => void }) {
  const key = ids.join(",");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the ids (a new array each render)
  const sections = useMemo(() => SHORTCUT_SECTIONS.filter((s) => ids.includes(s.id)), [key]);
  // 0 until the agent first asks for help; each ask after that opens the (by then loaded) dialog again.
  const [helpAsked, setHelpAsked] = useState(0);
  useEffect(() => {
    const open = () => setHelpAsked((n) => n + 1);
    window.addEventListener(OPEN_HELP, open);
    return () => window.removeEventListener(OPEN_HELP, open);
  }, []);
  const onJump = useCallback((id: string) => jumpTo(id, onReveal), [onReveal]);
  useShortcutKeys(sections, openShortcutsHelp, onJump);
  return (
    <>
      <nav aria-label="Skip to section" className="sr-only focus-within:not-sr-only">
        <ul className="bg-surface-raised border-border flex flex-wrap gap-1 rounded-md border p-1 text-xs">
          {sections.map((s) => (
            <li key={s.id}>
              <a
                href={`#section-${s.id}`}
                className="text-accent rounded px-1 underline"
                onClick={(event) => {
                  event.preventDefault();
                  jumpTo(s.id, onReveal);
                }}
              >
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {helpAsked ? <ShortcutsHelp sections={sections} openSignal={helpAsked} /> : null}
    </>
  );
}
