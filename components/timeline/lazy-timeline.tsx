"use client";
import dynamic from "next/dynamic";
import { PanelSkeleton } from "@/components/ui/panel";

/**
 * The timeline, loaded after the first screen: it sits below the header, identities and traits, its events are never
 * prefetched on the server, and it carries the heaviest client code (virtualizer, filters, row views). Not rendered on
 * the server (`ssr: false`), so its code is not among the page's first scripts; until it arrives the panel shows the
 * same skeleton the timeline shows while its events load.
 */
export const Timeline = dynamic(() => import("./timeline").then((module) => module.Timeline), {
  ssr: false,
  loading: () => <PanelSkeleton title="Timeline" id="timeline" label="Loading events" lines={8} />,
});
