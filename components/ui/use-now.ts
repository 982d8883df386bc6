"use client";
import { useSyncExternalStore } from "react";

/**
 * The current time, updated every minute: relative times and the customer's local time stay right. One timer for the
 * whole page however many times are shown (a long timeline shows dozens), started by the first subscriber and
 * stopped with the last.
 */
const TICK_MS = 60_000;
let current = new Date();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = new Date();
    timer = setInterval(() => {
      current = new Date();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** A minute-old clock is renewed when read (the server renders many requests from one module; a tab wakes from sleep). */
function getSnapshot(): Date {
  if (Date.now() - current.getTime() >= TICK_MS) current = new Date();
  return current;
}

export function useNow(): Date {
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
