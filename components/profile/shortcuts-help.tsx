"use client";
import { X } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import type { ShortcutSection } from "@/lib/views/section-shortcuts";
import { Button } from "@/components/ui/button";

/**
 * The keyboard shortcuts help, a modal dialog. Loaded the first time the agent asks for it ("?" or the summary's "?"
 * button): most page views never open it, so it is not among the first scripts. Opens as soon as it mounts, and again
 * whenever `openSignal` changes.
 */
export function ShortcutsHelp({ sections, openSignal }: { sections: readonly ShortcutSection[]; openSignal: number }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [openSignal]);
  return (
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
  );
}
