"use client";

import { type FormEvent, useState } from "react";
import { parseIdentifier, type ProfileIdentifier } from "@/lib/profile-api/identifiers";

/** The lookup the sidebar offers when the host's record names no known customer: prefilled with what it does know. */
export function IdentifierForm({ initial, onSubmit }: { initial: string; onSubmit: (id: ProfileIdentifier) => void }) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseIdentifier(value.trim());
    if (parsed.ok) onSubmit(parsed.identifier);
    else setError(parsed.message);
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 p-3 text-sm">
      <p>No customer matched this record. Look one up:</p>
      <label className="font-medium">
        Identifier (type:value)
        <input
          className="border-border mt-1 block w-full rounded-md border px-2 py-1"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="email:ada@example.com"
        />
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" className="rounded-md border px-3 py-1">
        Look up
      </button>
    </form>
  );
}
