"use client";
import { Search } from "lucide-react";
import type { SeenLabel, TimelineSearch } from "@/lib/views/timeline-search";

const inputClass = "border-border bg-surface w-full min-w-0 rounded-md border px-2 py-1 text-sm";

/**
 * Search over the loaded events, as the agent types (it runs in the browser, no request per key), and a picker of
 * the labels seen: the same words the rows show. The exact-name filters below still go to the API.
 */
export function TimelineSearchBar({
  value,
  labels,
  onChange,
}: {
  value: TimelineSearch;
  labels: readonly SeenLabel[];
  onChange: (next: TimelineSearch) => void;
}) {
  // A picked label stays a choice even when no loaded event carries it any more (another filter hid them).
  const choices =
    value.label !== null && !labels.some((l) => l.label === value.label)
      ? [{ label: value.label, count: 0 }, ...labels]
      : labels;
  const total = labels.reduce((n, l) => n + l.count, 0);
  return (
    <div role="search" aria-label="Search the timeline" className="mb-2 flex flex-wrap items-end gap-2">
      <label className="flex min-w-0 flex-1 basis-40 flex-col text-xs">
        Search loaded events
        <span className="relative flex min-w-0 items-center">
          <Search aria-hidden className="text-fg-muted pointer-events-none absolute left-2 size-3.5" />
          <input
            type="search"
            value={value.text}
            onChange={(e) => onChange({ ...value, text: e.target.value })}
            placeholder="support ticket, order id…"
            className={`${inputClass} pl-7`}
          />
        </span>
      </label>
      <label className="flex min-w-0 flex-1 basis-36 flex-col text-xs">
        Event
        <select
          value={value.label ?? ""}
          onChange={(e) => onChange({ ...value, label: e.target.value === "" ? null : e.target.value })}
          className={inputClass}
        >
          <option value="">All events ({total})</option>
          {choices.map((choice) => (
            <option key={choice.label} value={choice.label}>
              {choice.label} ({choice.count})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
