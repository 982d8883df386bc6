"use client";
import { formatDateTimeWithZone, formatRelativeTime } from "@/lib/views/format";
import { useHydrated } from "./use-hydrated";
import { useNow } from "./use-now";

const PLACEMENT = {
  /** Under the time, aligned to its right edge (summary facts, just happened, trait values). */
  below: "top-full right-0 mt-0.5",
  /** To its left, on the same line: inside its own row, so neighbouring virtualized timeline rows never cover it. */
  left: "top-0 right-full mr-1",
} as const;

/**
 * "35 min ago"; the absolute time with its time zone shows on hover and on keyboard focus (the time is focusable; a
 * tap focuses it too), and is part of the accessible name, so the tooltip itself is hidden from assistive tech.
 * Without `now` it follows the shared minute clock (useNow). The server cannot know the agent's time zone: it (and
 * hydration) writes the absolute time in UTC, and the browser re-renders it in the agent's zone right after.
 */
export function RelativeTime({
  iso,
  now,
  className = "",
  placement = "below",
  tooltipTestId = "time-tooltip",
}: {
  iso: string;
  now?: Date;
  className?: string;
  placement?: keyof typeof PLACEMENT;
  tooltipTestId?: string;
}) {
  const clock = useNow();
  const inBrowser = useHydrated();
  // Hydration keeps the server's text (suppressHydrationWarning) while React believes the browser's is there, so a
  // text that differs (the minute ticked since the server rendered; an old date's day in UTC against the agent's zone)
  // would never be replaced: "26 min ago" shown, "27 min ago" named. Hydration renders in UTC like the server, and the
  // <time> is remounted (key) once in the browser, so its text and its label are always written together.
  const zone = inBrowser ? undefined : "UTC";
  const absolute = formatDateTimeWithZone(iso, zone);
  const relative = formatRelativeTime(iso, now ?? clock, zone);
  return (
    <span className={`group relative inline-block ${className}`}>
      <time
        key={inBrowser ? "browser" : "server"}
        dateTime={iso}
        aria-label={`${relative}, ${absolute}`}
        tabIndex={0}
        className="block whitespace-nowrap"
        suppressHydrationWarning
      >
        {relative}
      </time>
      <span
        aria-hidden
        data-testid={tooltipTestId}
        suppressHydrationWarning
        className={`bg-fg text-surface pointer-events-none invisible absolute z-20 rounded px-1.5 py-0.5 text-xs whitespace-nowrap shadow group-focus-within:visible group-hover:visible ${PLACEMENT[placement]}`}
      >
        {absolute}
      </span>
    </span>
  );
}
