"use client";
import { useEffect, useState } from "react";

/** The current time, updated every `everyMs` (relative times and the customer's local time stay right). */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
