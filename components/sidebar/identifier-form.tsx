"use client";

import { type FormEvent, useId, useState } from "react";
import { useBffFetcher } from "@/lib/queries/client-fetcher";
import { sidebarProfileFor, type SidebarProfile } from "@/lib/queries/lookup";
import { sidebarTarget } from "@/lib/views/lookup-input";
import { Button } from "@/components/ui/button";
import { describeError } from "@/components/ui/query-states";

/**
 * The sidebar's own compact lookup (`type:value`), used when the host's record names no known customer, when the
 * identifier names no profile, and for a bad `/embed?id=`. The identifier goes to POST /api/lookup (never into a URL);
 * the profile opens inside the sidebar by the handle that comes back (a group_id opens the account), never by
 * navigation, so an embedded sidebar keeps its host frame and its in-memory sign-in. An identifier that names no
 * profile opens the sidebar's not-found state.
 */
export function IdentifierForm({
  initial = "",
  prompt,
  onOpen,
}: {
  initial?: string;
  prompt?: string;
  onOpen: (target: SidebarProfile) => void;
}) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const fetchBff = useBffFetcher();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const target = sidebarTarget(value);
    if (!target.ok) return setError(target.message);
    setBusy(true);
    setError(null);
    try {
      onOpen(await sidebarProfileFor(fetchBff, target));
    } catch (failure) {
      const { title, detail } = describeError(failure);
      setError(`${title}. ${detail}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-2 text-sm" data-testid="sidebar-lookup">
      {prompt ? <p>{prompt}</p> : null}
      <label className="font-medium">
        Identifier (type:value)
        <input
          className="border-border bg-surface mt-1 block w-full min-w-0 rounded-md border px-2 py-1 font-mono font-normal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="email:ada@example.com"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          autoComplete="off"
          spellCheck={false}
          // The form is shown when there is someone to look up: the agent can type at once. (Chromium ignores this in
          // a cross-origin frame, so a host's own editor never loses focus to it.)
          autoFocus
        />
      </label>
      {error ? (
        <p id={errorId} role="alert" className="text-danger">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="self-start" disabled={busy}>
        {busy ? "Looking up…" : "Look up"}
      </Button>
    </form>
  );
}
