"use client";
import { X } from "lucide-react";
import { useCallback, useEffect, useId, useMemo, useRef } from "react";
import { readShortcut, SHORTCUT_SECTIONS, type ShortcutSection } from "@/lib/views/section-shortcuts";
import { Button } from "@/components/ui/button";

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
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const open = () => dialog.current?.showModal();
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
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        className="bg-surface text-fg border-border m-auto max-w-xs rounded-lg border p-3 text-sm backdrop:bg-black/40"
        data-testid="shortcuts-help"
      >
        <div className="mb-2 flex items-center justify-between gap-2">
          <h2 id={headingId} className="font-semibold">
            Keyboard shortcuts
          </h2>
          <Button variant="ghost" aria-label="Close" onClick={() => dialog.current?.close()} className="min-h-7 px-1">
            <X aria-hidden className="size-4" />
          </Button>
        </div>
        <p className="text-fg-muted mb-2 text-xs">Press g, then a letter. Not while typing in a field.</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {sections.map((s) => (
            <div key={s.id} className="contents">
              <dt>
                <kbd className="border-border rounded border px-1 font-mono text-xs">g</kbd>{" "}
                <kbd className="border-border rounded border px-1 font-mono text-xs">{s.key}</kbd>
              </dt>
              <dd>{s.label}</dd>
            </div>
          ))}
          <div className="contents">
            <dt>
              <kbd className="border-border rounded border px-1 font-mono text-xs">?</kbd>
            </dt>
            <dd>This help</dd>
          </div>
        </dl>
      </dialog>
    </>
  );
}
