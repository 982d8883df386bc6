import type { ProfileEvent } from "@/lib/core/api-types";

/**
 * An event's stable React key: its message id, or its time and place when the API gave none. On its own so "Just
 * happened" (first screen) does not pull the timeline's row builder into the page's first scripts.
 */
export function eventKey(event: ProfileEvent, index: number): string {
  return event.message_id ?? `${event.timestamp}#${index}`;
}
