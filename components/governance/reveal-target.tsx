"use client";
import { createContext, type ReactNode, useContext } from "react";
import type { Collection } from "@/lib/core/identifiers";

/** The profile a Reveal button asks about: set by the profile view and the sidebar around one profile's panels. */
export const RevealTargetContext = createContext<{ collection: Collection; id: string } | null>(null);

export function useRevealTarget() {
  return useContext(RevealTargetContext);
}

/** For server-component pages: the profile that Reveal buttons inside `children` ask about. */
export function RevealTarget({
  collection,
  id,
  children,
}: {
  collection: Collection;
  id: string;
  children: ReactNode;
}) {
  return <RevealTargetContext.Provider value={{ collection, id }}>{children}</RevealTargetContext.Provider>;
}
