"use client";
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { profilePath } from "@/lib/core/paths";
import { readRecentLookups, RECENT_LOOKUPS_KEY, type RecentLookup } from "@/lib/views/recent-lookups";

// sessionStorage read as an external store: nothing on the server, this tab's list in the browser.
const subscribe = (onChange: () => void) => {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
};
const readSnapshot = () => window.sessionStorage.getItem(RECENT_LOOKUPS_KEY) ?? "[]";

/** This tab's recent lookups (sessionStorage: gone when the tab closes). */
export function RecentLookups() {
  const raw = useSyncExternalStore(subscribe, readSnapshot, () => "[]");
  const list: RecentLookup[] = readRecentLookups({ getItem: () => raw });
  return (
    <section aria-labelledby="recent-heading" className="mt-6">
      <h2 id="recent-heading" className="text-sm font-semibold">
        Recent lookups
      </h2>
      {list.length === 0 ? (
        <p className="text-fg-muted mt-1 text-sm">No lookups yet in this browser session.</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {list.map((item) => (
            <li key={`${item.collection}:${item.id}`}>
              <Link href={profilePath(item.collection, item.id)} className="text-accent text-sm break-all underline">
                {item.name ? <span className="font-medium">{item.name}</span> : null}
                {item.name ? " · " : null}
                <span className="font-mono">{item.label}</span>
              </Link>{" "}
              <span className="text-fg-muted text-xs">({item.collection === "accounts" ? "account" : "user"})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
