"use client";
import {
  ChevronDown,
  ChevronRight,
  FileText,
  Link2,
  MousePointerClick,
  Smartphone,
  UserCheck,
  Users,
  type LucideIcon,
} from "lucide-react";
import type { ProfileEvent } from "@/lib/core/api-types";
import { importantTone, isImportantEvent } from "@/lib/views/important-events";
import { formatDayHeading } from "@/lib/views/format";
import { eventTitle, keyProperties, type TimelineRow } from "@/lib/views/timeline-rows";
import { RelativeTime } from "@/components/ui/relative-time";

const TYPE_ICONS: Record<string, LucideIcon> = {
  track: MousePointerClick,
  page: FileText,
  screen: Smartphone,
  identify: UserCheck,
  group: Users,
  alias: Link2,
};

/** A row's time: relative, the absolute time with its zone on hover and focus, opening leftwards inside the row. */
export function EventTime({ iso, now }: { iso: string; now: Date }) {
  return (
    <RelativeTime
      iso={iso}
      now={now}
      placement="left"
      tooltipTestId="event-time-tooltip"
      className="text-fg-muted shrink-0 text-xs"
    />
  );
}

type EventLineProps = { event: ProfileEvent; now: Date; expanded: boolean; onToggle: () => void; important?: boolean };

function EventLine({ event, now, expanded, onToggle, important = false }: EventLineProps) {
  const Icon = TYPE_ICONS[event.type] ?? MousePointerClick;
  const props = keyProperties(event);
  // An important event (IMPORTANT_EVENTS) stands out: a bar in its tone and the word for screen readers.
  const tone = important
    ? importantTone(event.event ?? "") === "danger"
      ? "border-danger"
      : "border-accent"
    : "border-transparent";
  return (
    <div
      className={`min-w-0 border-l-4 py-1.5 pl-1 ${tone}`}
      data-testid="timeline-event"
      data-event-type={event.type}
      data-important={important || undefined}
    >
      <div className="flex min-w-0 items-start gap-2">
        <Icon aria-label={event.type} className="text-accent mt-0.5 size-4 shrink-0" />
        <button
          type="button"
          aria-expanded={expanded}
          onClick={onToggle}
          className="min-w-0 flex-1 text-left text-sm font-medium break-words hover:underline"
        >
          {important ? <span className="sr-only">Important: </span> : null}
          {eventTitle(event)}
        </button>
        <EventTime iso={event.timestamp} now={now} />
      </div>
      {props.length ? (
        <dl className="text-fg-muted mt-0.5 ml-6 flex min-w-0 flex-wrap gap-x-3 text-xs">
          {props.map(([key, value]) => (
            <div key={key} className="flex min-w-0 gap-1">
              <dt>{key}</dt>
              <dd className="text-fg min-w-0 break-all">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {expanded ? (
        <pre className="bg-surface-sunken mt-1 ml-6 max-h-72 overflow-auto rounded p-2 text-xs break-all whitespace-pre-wrap">
          {JSON.stringify(event, null, 2)}
        </pre>
      ) : null}
    </div>
  );
}

function pageLabel(event: ProfileEvent): string {
  const p = event.properties ?? {};
  for (const key of ["path", "name", "url"]) {
    const v = p[key];
    if (typeof v === "string" && v) return v;
  }
  return "page";
}

function PagesFold({
  events,
  now,
  expanded,
  onToggle,
}: {
  events: ProfileEvent[];
  now: Date;
  expanded: boolean;
  onToggle: () => void;
}) {
  const newest = events[0];
  if (!newest) return null;
  const Chevron = expanded ? ChevronDown : ChevronRight;
  return (
    <div className="min-w-0 py-1.5" data-testid="timeline-fold">
      <div className="flex min-w-0 items-start gap-2">
        <FileText aria-hidden className="text-accent mt-0.5 size-4 shrink-0" />
        <button
          type="button"
          aria-expanded={expanded}
          onClick={onToggle}
          className="flex min-w-0 flex-1 items-center gap-1 text-left text-sm font-medium hover:underline"
        >
          <Chevron aria-hidden className="size-3.5 shrink-0" />
          {events.length} pages viewed
        </button>
        <EventTime iso={newest.timestamp} now={now} />
      </div>
      {expanded ? (
        <ul className="border-border mt-1 ml-6 border-l pl-2">
          {events.map((event, i) => (
            <li
              key={event.message_id ?? i}
              className="flex min-w-0 items-baseline justify-between gap-2 py-0.5 text-xs"
            >
              <span className="min-w-0 break-all">{pageLabel(event)}</span>
              <EventTime iso={event.timestamp} now={now} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function TimelineRowView({
  row,
  now,
  expanded,
  onToggle,
  important,
}: {
  row: TimelineRow;
  now: Date;
  expanded: boolean;
  onToggle: () => void;
  /** Event names that stand out (IMPORTANT_EVENTS). */
  important?: ReadonlySet<string>;
}) {
  if (row.kind === "day") {
    return (
      <h3
        className="bg-surface text-fg-muted border-border border-b pt-2 pb-1 text-xs font-semibold tracking-wide uppercase"
        data-testid="timeline-day"
      >
        {formatDayHeading(row.day, now)}
      </h3>
    );
  }
  if (row.kind === "pages") return <PagesFold events={row.events} now={now} expanded={expanded} onToggle={onToggle} />;
  const isImportant = important ? isImportantEvent(row.event, important) : false;
  return <EventLine event={row.event} now={now} expanded={expanded} onToggle={onToggle} important={isImportant} />;
}
