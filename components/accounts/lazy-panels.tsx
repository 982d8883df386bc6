"use client";
import dynamic from "next/dynamic";
import { PanelSkeleton } from "@/components/ui/panel";

/**
 * Linked accounts and metadata, loaded after the first screen: they sit below the timeline and their data is never
 * prefetched on the server. Not rendered on the server (`ssr: false`), so their code is not among the page's first
 * scripts; until it arrives each panel shows a skeleton (the linked panel's own title depends on the collection).
 */
export const LinkedAccounts = dynamic(() => import("./linked-accounts").then((module) => module.LinkedAccounts), {
  ssr: false,
  loading: () => <PanelSkeleton title="Linked profiles" id="linked" label="Loading linked profiles" lines={3} />,
});

export const MetadataCard = dynamic(() => import("./metadata-card").then((module) => module.MetadataCard), {
  ssr: false,
  loading: () => <PanelSkeleton title="Profile metadata" id="metadata" label="Loading profile metadata" lines={4} />,
});
