"use client";
import { formatDayHeading } from "@/lib/views/format";

/**
 * The day of the rows at the top of the scrolled timeline, stuck to the top of the scroll container
 * (`position: sticky`). The rows are virtualized (absolutely placed), so a day heading cannot stick by itself: this
 * one overlay names the day of whatever row is at the top. It has no height (it covers the row under it instead of
 * pushing the list) and is hidden from assistive tech, which reads the real day headings in the list.
 */
export function StickyDay({ day, now }: { day: string | null; now: Date }) {
  return (
    <div className="pointer-events-none sticky top-0 z-10 h-0" aria-hidden>
      {day ? (
        <p
          className="bg-surface text-fg-muted border-border border-b pt-2 pb-1 text-xs font-semibold tracking-wide uppercase"
          data-testid="timeline-sticky-day"
          data-day={day}
        >
          {formatDayHeading(day, now)}
        </p>
      ) : null}
    </div>
  );
}
