"use client";

import { useEffect, useState } from "react";
import type { ProfileSummary } from "@/lib/api-types";
import { formatIdentifier, type ProfileIdentifier } from "@/lib/profile-api/identifiers";
import { BffError, bffFetch } from "@/lib/queries/bff-fetch";

type State = { key: string } & ({ status: "ok"; summary: ProfileSummary } | { status: "error"; message: string });

/**
 * A compact view of one customer for the host frames. Stand-in until the views branch's `ProfileSidebar` is merged;
 * it reads the same BFF summary route through `bffFetch`, so the bearer path is exercised exactly as it will be.
 */
export function EmbeddedProfile({ id }: { id: ProfileIdentifier }) {
  const [state, setState] = useState<State | null>(null);
  const key = formatIdentifier(id);
  useEffect(() => {
    const controller = new AbortController();
    bffFetch<ProfileSummary>(`/api/profiles/users/${encodeURIComponent(key)}`, {
      signal: controller.signal,
    }).then(
      (summary) => setState({ key, status: "ok", summary }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message =
          error instanceof BffError && error.status === 404 ? "No profile has this identifier." : "The profile could not be loaded.";
        setState({ key, status: "error", message });
      },
    );
    return () => controller.abort();
  }, [key]);

  // A result for a previous identifier (the requester changed) counts as loading.
  if (!state || state.key !== key) return <p className="p-3 text-sm" aria-busy="true">Loading {key}…</p>;
  if (state.status === "error") return <p role="alert" className="p-3 text-sm">{state.message}</p>;
  const traits = state.summary.traits ?? {};
  const name = typeof traits.name === "string" ? traits.name : key;
  return (
    <section aria-label="Customer profile" className="p-3 text-sm">
      <h1 className="text-base font-semibold">{name}</h1>
      <p className="text-fg-muted break-all">{key}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2">
        {Object.entries(traits)
          .slice(0, 12)
          .map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium">{k}</dt>
              <dd className="break-all">{typeof v === "string" ? v : JSON.stringify(v)}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
