"use client";
import { ArrowUp } from "lucide-react";

/**
 * "3 new events": announced politely to screen readers; a click shows them at the top of the timeline. The live region
 * stays in the page while empty, so the first arrival is announced.
 */
export function NewEventsMarker({ count, complete, onShow }: { count: number; complete: boolean; onShow: () => void }) {
  const label = `${count}${complete ? "" : "+"} new ${count === 1 && complete ? "event" : "events"}`;
  return (
    <div aria-live="polite" className="min-w-0">
      {count > 0 ? (
        <button
          type="button"
          onClick={onShow}
          data-testid="new-events-marker"
          className="bg-accent text-accent-fg mb-2 inline-flex min-h-8 w-full items-center justify-center gap-1.5 rounded-md px-2.5 py-1 text-sm font-medium"
        >
          <ArrowUp aria-hidden className="size-4" />
          {label}
        </button>
      ) : null}
    </div>
  );
}
