"use client";
import { formatDateTimeWithZone, formatRelativeTime } from "@/lib/views/format";

/**
 * "35 min ago"; the absolute time with its time zone shows on hover and on keyboard focus (the time is focusable), and
 * is part of the accessible name, so the tooltip itself is hidden from assistive tech.
 */
export function RelativeTime({ iso, now, className = "" }: { iso: string; now: Date; className?: string }) {
  const absolute = formatDateTimeWithZone(iso);
  const relative = formatRelativeTime(iso, now);
  return (
    <span className={`group relative inline-block ${className}`}>
      <time dateTime={iso} aria-label={`${relative}, ${absolute}`} tabIndex={0} className="whitespace-nowrap">
        {relative}
      </time>
      <span
        aria-hidden
        data-testid="time-tooltip"
        className="bg-fg text-surface pointer-events-none invisible absolute top-full right-0 z-20 mt-0.5 rounded px-1.5 py-0.5 text-xs whitespace-nowrap shadow group-focus-within:visible group-hover:visible"
      >
        {absolute}
      </span>
    </span>
  );
}
