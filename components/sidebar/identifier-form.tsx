"use client";

import { type FormEvent, useId, useState } from "react";
import { sidebarTarget, type SidebarTarget } from "@/lib/views/lookup-input";
import { Button } from "@/components/ui/button";

/**
 * The sidebar's own compact lookup (`type:value`), used when the host's record names no known customer, when the
 * identifier names no profile, and for a bad `/embed?id=`. It opens the profile inside the sidebar (a group_id opens
 * the account), never by navigation, so an embedded sidebar keeps its host frame and its in-memory sign-in.
 */
export function IdentifierForm({
  initial = "",
  prompt,
  onOpen,
}: {
  initial?: string;
  prompt?: string;
  onOpen: (target: SidebarTarget) => void;
}) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    const target = sidebarTarget(value);
    if (target.ok) onOpen({ collection: target.collection, id: target.id });
    else setError(target.message);
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 text-sm" data-testid="sidebar-lookup">
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
      <Button type="submit" className="self-start">
        Look up
      </Button>
    </form>
  );
}
