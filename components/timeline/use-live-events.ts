"use client";
import { useQuery, useQueryClient, type InfiniteData, type QueryKey } from "@tanstack/react-query";
import { useMemo } from "react";
import type { EventsPage, ProfileEvent } from "@/lib/core/api-types";
import type { Collection } from "@/lib/core/identifiers";
import { newEventsQuery } from "@/lib/queries/profiles";

const DAY_MS = 86_400_000;

/** What makes two answers' events the same event: the message id (the API always sends one). */
const identity = (event: ProfileEvent) => event.message_id ?? `${event.timestamp}|${event.type}|${event.event ?? ""}`;

export type LiveEvents = {
  /** Events newer than what the timeline shows, not yet in it (newest first). */
  pending: ProfileEvent[];
  /** False when more arrived than one poll returns: showing them reloads the timeline from the top. */
  complete: boolean;
  /** Puts the pending events at the top of the timeline (or reloads it when incomplete). */
  show: () => Promise<void>;
};

type Options = {
  collection: Collection;
  id: string;
  /** The timeline's own infinite query: its key and loaded pages. */
  timelineKey: QueryKey;
  data: InfiniteData<EventsPage> | undefined;
  dataUpdatedAt: number;
  names: { include: string[]; exclude: string[] };
  rangeDays: number;
  intervalSeconds: number;
};

/**
 * The live timeline: polls for events at or after the newest one shown while the page is visible, and holds them
 * back until the agent asks (the "N new events" marker), so the list never moves under the agent's reading.
 */
export function useLiveEvents(options: Options): LiveEvents {
  const { collection, id, timelineKey, data, dataUpdatedAt, names, rangeDays, intervalSeconds } = options;
  const client = useQueryClient();
  const loaded = useMemo(() => data?.pages.flatMap((page) => page.data) ?? [], [data]);
  const loadedKeys = useMemo(() => new Set(loaded.map(identity)), [loaded]);
  // The newest event shown; with none, the start of the range as it was when the timeline loaded (stable per load).
  const after = useMemo(
    () => loaded[0]?.timestamp ?? new Date(dataUpdatedAt - rangeDays * DAY_MS).toISOString(),
    [loaded, dataUpdatedAt, rangeDays],
  );
  const poll = useQuery({
    ...newEventsQuery(collection, id, { after, include: names.include, exclude: names.exclude }, intervalSeconds),
    enabled: intervalSeconds > 0 && data !== undefined,
  });
  const pending = useMemo(
    () => (poll.data?.data ?? []).filter((event) => !loadedKeys.has(identity(event))),
    [poll.data, loadedKeys],
  );
  const complete = poll.data?.complete ?? true;

  const show = async () => {
    if (!complete) {
      await client.resetQueries({ queryKey: timelineKey, exact: true });
      return;
    }
    client.setQueryData<InfiniteData<EventsPage>>(timelineKey, (current) => {
      if (!current) return current;
      const [first, ...rest] = current.pages;
      const head = { ...(first ?? { data: [] }), data: [...pending, ...(first?.data ?? [])] };
      return { ...current, pages: [head, ...rest] };
    });
  };
  return { pending, complete, show };
}
