"use client";
import { useQuery } from "@tanstack/react-query";
import { CircleAlert, Sparkles } from "lucide-react";
import type { Collection } from "@/lib/core/identifiers";
import { importantEventsQuery } from "@/lib/queries/profiles";
import { importantDetail, importantTone } from "@/lib/views/important-events";
import { eventKey } from "@/lib/views/event-key";
import { Panel } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { useNow } from "@/components/ui/use-now";
import { useViewSettings } from "./view-settings-context";

/**
 * "Just happened": the newest important events (IMPORTANT_EVENTS) right under the summary, with relative times, so an
 * agent sees a failed payment before anything else. A failure here is left to the view's one failure message.
 */
export function JustHappened({ collection, id }: { collection: Collection; id: string }) {
  const { importantEvents } = useViewSettings();
  const query = useQuery(importantEventsQuery(collection, id, importantEvents));
  const now = useNow();
  if (importantEvents.length === 0) return null;
  let body;
  if (query.isPending) body = <Skeleton label="Loading recent important events" lines={2} />;
  else if (query.isError) body = <p className="text-fg-muted text-xs">Not loaded.</p>;
  else if (query.data.data.length === 0)
    body = <p className="text-fg-muted text-xs">Nothing important in the last 14 days.</p>;
  else
    body = (
      <ul className="space-y-1">
        {query.data.data.map((event, i) => {
          const name = event.event ?? event.type;
          const danger = importantTone(name) === "danger";
          const Icon = danger ? CircleAlert : Sparkles;
          const detail = importantDetail(event);
          return (
            <li
              key={eventKey(event, i)}
              className="flex min-w-0 items-start gap-1.5 text-sm"
              data-testid="just-happened-event"
            >
              <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${danger ? "text-danger" : "text-accent"}`} />
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-baseline justify-between gap-x-2">
                  <span className={`font-medium ${danger ? "text-danger" : ""}`}>{name}</span>
                  <RelativeTime iso={event.timestamp} now={now} className="text-fg-muted text-xs" />
                </p>
                {detail ? <p className="text-fg-muted text-xs break-words">{detail}</p> : null}
              </div>
            </li>
          );
        })}
      </ul>
    );
  return (
    <Panel title="Just happened" id="just-happened">
      <div data-testid="just-happened">{body}</div>
    </Panel>
  );
}
