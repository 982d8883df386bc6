"use client";
import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};
const inBrowser = () => true;
const onServer = () => false;

/**
 * False on the server and while hydrating, true from the browser's first render after hydration. Text that depends on
 * the clock or the agent's zone renders the server's way until then and is keyed on this: React keeps the server's
 * text through hydration, so a text that changed in between (the minute turned) would otherwise never be replaced, and
 * a mismatch without suppressHydrationWarning throws the server's HTML away.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, inBrowser, onServer);
}
