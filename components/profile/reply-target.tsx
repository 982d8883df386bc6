"use client";
import { createContext, useContext } from "react";

/**
 * Where "Insert into reply" puts the profile summary: given by a host sidebar that has a reply to write into (Zendesk,
 * through the ZAF SDK); absent elsewhere, where only "Copy summary" is offered.
 */
export type ReplyTarget = { insert: (text: string) => Promise<void> };

export const ReplyTargetContext = createContext<ReplyTarget | null>(null);

export function useReplyTarget(): ReplyTarget | null {
  return useContext(ReplyTargetContext);
}
