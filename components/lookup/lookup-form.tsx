"use client";
import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import {
  LOOKUP_PASTE_HINT,
  LOOKUP_TYPE_LABELS,
  LOOKUP_TYPES,
  parseLookupInput,
  type LookupType,
} from "@/lib/views/lookup-input";
import { profilePath } from "@/lib/core/paths";
import { saveRecentLookup } from "@/lib/views/recent-lookups";
import { Button } from "@/components/ui/button";

const field = "border-border bg-surface min-w-0 rounded-md border px-2 py-1.5 text-sm";

/** Identifier type + value; a whole `type:value` pasted into the value works too. */
export function LookupForm() {
  const router = useRouter();
  const [type, setType] = useState<LookupType>("user_id");
  // Whether the agent picked the type (rather than leaving the default): decides how a colon in the value is read.
  const [explicitType, setExplicitType] = useState(false);
  const [customType, setCustomType] = useState("");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = parseLookupInput(type, customType, value, explicitType);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    const { collection, text } = result.target;
    saveRecentLookup(window.sessionStorage, { collection, id: text });
    router.push(profilePath(collection, text));
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Look up a profile" noValidate>
      <label className="flex flex-col text-sm">
        Identifier type
        <select
          value={type}
          onChange={(e) => {
            setType(e.target.value as LookupType);
            setExplicitType(true);
          }}
          className={field}
        >
          {LOOKUP_TYPES.map((t) => (
            <option key={t} value={t}>
              {LOOKUP_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      {type === "custom" ? (
        <label className="flex min-w-0 basis-32 flex-col text-sm">
          Type name
          <input
            value={customType}
            onChange={(e) => setCustomType(e.target.value)}
            placeholder="ios.idfa"
            className={field}
          />
        </label>
      ) : null}
      <label className="flex min-w-0 flex-1 basis-56 flex-col text-sm">
        Value
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="u_ada, ada@example.com or a whole email:ada@example.com"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          className={field}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <Button type="submit" variant="primary">
        <Search aria-hidden className="size-4" /> Look up
      </Button>
      <p id={hintId} className="text-fg-muted w-full text-xs">
        {LOOKUP_PASTE_HINT}
      </p>
      {error ? (
        <p id={errorId} role="alert" className="text-danger w-full text-sm">
          {error}
        </p>
      ) : null}
    </form>
  );
}
