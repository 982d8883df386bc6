"use client";
import { useQuery } from "@tanstack/react-query";
import { ClipboardCopy, Keyboard, MessageSquarePlus } from "lucide-react";
import { useEffect, useState } from "react";
import type { Collection } from "@/lib/core/identifiers";
import { importantEventsQuery, summaryQuery } from "@/lib/queries/profiles";
import { buildSummaryText } from "@/lib/views/summary-text";
import { Button } from "@/components/ui/button";
import { useReplyTarget } from "./reply-target";
import { openShortcutsHelp } from "./section-shortcuts";
import { useViewSettings } from "./view-settings-context";

type Status = { kind: "idle" } | { kind: "done" | "failed"; message: string };

/** The text of the outcome, announced politely and cleared after a few seconds. */
function useStatus(): [Status, (status: Status) => void] {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  useEffect(() => {
    if (status.kind === "idle") return;
    const timer = setTimeout(() => setStatus({ kind: "idle" }), 4000);
    return () => clearTimeout(timer);
  }, [status]);
  return [status, setStatus];
}

/**
 * Act on what the agent sees: "Copy summary" (everywhere) and, inside a host with a reply box, "Insert into reply".
 * Both use the same text (lib/views/summary-text.ts), from the queries the header and "Just happened" already made,
 * so neither costs a request. They wait for "Just happened" so the text never silently lacks the events.
 */
export function SummaryActions({ collection, id }: { collection: Collection; id: string }) {
  const { importantEvents } = useViewSettings();
  const summary = useQuery(summaryQuery(collection, id));
  const events = useQuery(importantEventsQuery(collection, id, importantEvents));
  const reply = useReplyTarget();
  const [status, setStatus] = useStatus();
  const eventsSettled = importantEvents.length === 0 || !events.isPending;
  const ready = summary.isSuccess && eventsSettled;
  const text = () =>
    buildSummaryText({
      summary: summary.data,
      events: importantEvents.length ? events.data?.data : undefined,
    });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setStatus({ kind: "done", message: "Summary copied." });
    } catch {
      setStatus({ kind: "failed", message: "Could not copy: the browser refused the clipboard." });
    }
  };
  const insert = async () => {
    try {
      await reply?.insert(text());
      setStatus({ kind: "done", message: "Summary inserted into the reply." });
    } catch {
      setStatus({ kind: "failed", message: "Could not insert into the reply." });
    }
  };
  return (
    <div className="mt-2 flex flex-wrap items-center gap-1.5" data-testid="summary-actions">
      {reply ? (
        <Button variant="primary" className="min-h-7 px-2 text-xs" disabled={!ready} onClick={() => void insert()}>
          <MessageSquarePlus aria-hidden className="size-3.5" /> Insert into reply
        </Button>
      ) : null}
      <Button className="min-h-7 px-2 text-xs" disabled={!ready} onClick={() => void copy()}>
        <ClipboardCopy aria-hidden className="size-3.5" /> Copy summary
      </Button>
      <Button
        variant="ghost"
        className="min-h-7 px-2 text-xs"
        onClick={openShortcutsHelp}
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
      >
        <Keyboard aria-hidden className="size-3.5" /> ?
      </Button>
      <p
        aria-live="polite"
        className={`w-full text-xs ${status.kind === "failed" ? "text-danger" : "text-fg-muted"}`}
        data-testid="summary-action-status"
      >
        {status.kind === "idle" ? "" : status.message}
      </p>
    </div>
  );
}
