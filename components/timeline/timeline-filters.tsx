"use client";
import { useState, type FormEvent } from "react";
import type { EventType } from "@/lib/core/api-types";
import { parseEventNames } from "@/lib/views/timeline-rows";
import { Button } from "@/components/ui/button";

export const EVENT_TYPES: EventType[] = ["track", "page", "screen", "identify", "group", "alias"];
export const RANGE_DAYS = [1, 3, 7, 14] as const;
export type RangeDays = (typeof RANGE_DAYS)[number];

export type TimelineFilterState = { include: string[]; exclude: string[]; types: Set<string>; rangeDays: RangeDays };

const inputClass = "border-border bg-surface min-w-0 rounded-md border px-2 py-1 text-sm";

/**
 * Event-name filters are sent to the API (include/exclude) when the agent applies them, so typing doesn't fire a
 * request per key; the type filter is applied in the browser at once; the range picks `start` inside the 14 days.
 */
export function TimelineFilters({
  value,
  onChange,
}: {
  value: TimelineFilterState;
  onChange: (next: TimelineFilterState) => void;
}) {
  const [include, setInclude] = useState(value.include.join(", "));
  const [exclude, setExclude] = useState(value.exclude.join(", "));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...value, include: parseEventNames(include), exclude: parseEventNames(exclude) });
  };
  const toggleType = (type: string) => {
    const types = new Set(value.types);
    if (types.has(type)) types.delete(type);
    else types.add(type);
    onChange({ ...value, types });
  };
  return (
    <form onSubmit={apply} className="mb-2 space-y-2" aria-label="Timeline filters">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 basis-36 flex-col text-xs">
          Only events named
          <input
            value={include}
            onChange={(e) => setInclude(e.target.value)}
            placeholder="Order Completed, …"
            className={inputClass}
          />
        </label>
        <label className="flex min-w-0 flex-1 basis-36 flex-col text-xs">
          Hide events named
          <input
            value={exclude}
            onChange={(e) => setExclude(e.target.value)}
            placeholder="Page Viewed, …"
            className={inputClass}
          />
        </label>
        <label className="flex min-w-0 basis-28 flex-col text-xs">
          Time range
          <select
            value={value.rangeDays}
            onChange={(e) => onChange({ ...value, rangeDays: Number(e.target.value) as RangeDays })}
            className={inputClass}
          >
            {RANGE_DAYS.map((days) => (
              <option key={days} value={days}>
                {days === 1 ? "Last 24 hours" : `Last ${days} days`}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">Apply</Button>
      </div>
      <fieldset className="flex flex-wrap gap-x-3 gap-y-1 text-xs">
        <legend className="sr-only">Event types (none checked: all)</legend>
        {EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={value.types.has(type)}
              onChange={() => toggleType(type)}
              className="accent-accent size-3.5"
            />
            {type}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
