"use client";
import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type FormEvent } from "react";
import { useBffFetcher } from "@/lib/queries/client-fetcher";
import { lookupProfile, type FoundProfile } from "@/lib/queries/lookup";
import { formLookupCandidates } from "@/lib/views/lookup-candidates";
import { LOOKUP_PASTE_HINT, LOOKUP_TYPE_LABELS, LOOKUP_TYPES, type LookupType } from "@/lib/views/lookup-input";
import { profilePath } from "@/lib/core/paths";
import { takeLookupDraft } from "@/lib/views/lookup-draft";
import { useViewSettings } from "@/components/profile/view-settings-context";
import { Button } from "@/components/ui/button";
import { describeError } from "@/components/ui/query-states";

const field = "border-border bg-surface min-w-0 rounded-md border px-2 py-1.5 text-sm";

type Outcome =
  | { kind: "error"; message: string }
  | { kind: "miss"; tried: string[] }
  | { kind: "did-you-mean"; asked: string; found: FoundProfile };

/** The type as POST /api/lookup reads it: none when the agent left the default (the server reads it from the value). */
function typeToSend(type: LookupType, customType: string, explicitType: boolean): string | undefined {
  if (!explicitType) return undefined;
  if (type === "custom") return customType.trim() || undefined;
  return type;
}

/**
 * Identifier type + value, forgiving: the type is read from the value (e-mail, phone, UUID, a pasted type:value), the
 * value normalised (trimmed, e-mail lower-cased, `mailto:` stripped, phone to E.164), and the likely alternatives tried
 * in turn ("did you mean …"). After a miss the form keeps what the agent typed.
 */
export function LookupForm() {
  const router = useRouter();
  const fetchBff = useBffFetcher();
  const { phoneCountry } = useViewSettings();
  const [type, setType] = useState<LookupType>("user_id");
  // Whether the agent picked the type (rather than leaving the default): decides how a colon in the value is read.
  const [explicitType, setExplicitType] = useState(false);
  const [customType, setCustomType] = useState("");
  const [value, setValue] = useState("");
  // "Look up another identifier" after a miss: start from the identifier that missed (after hydration: storage).
  useEffect(() => {
    const draft = takeLookupDraft(window.sessionStorage);
    // Storage is only readable after hydration (an initial state from it would not match the server's HTML).
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one read of an external store, once
    if (draft) setValue(draft);
  }, []);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const errorId = useId();
  const hintId = useId();
  // The address names the profile by its handle, never by what the agent typed (DESIGN §10).
  const open = (found: FoundProfile) => router.push(profilePath(found.collection, found.handle));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The same reading the server makes: a bad input is explained at once, and a miss names what was tried.
    const result = formLookupCandidates(type, customType, value, explicitType, phoneCountry);
    if (!result.ok) return setOutcome({ kind: "error", message: result.message });
    setBusy(true);
    setOutcome(null);
    try {
      const found = await lookupProfile(fetchBff, { value, type: typeToSend(type, customType, explicitType) });
      if (found && found.label === found.asked) return open(found);
      if (found) return setOutcome({ kind: "did-you-mean", asked: found.asked, found });
      setOutcome({ kind: "miss", tried: result.candidates.map((c) => c.text) });
    } catch (error) {
      const { title, detail } = describeError(error);
      setOutcome({ kind: "error", message: `${title}. ${detail}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="flex flex-wrap items-end gap-2"
      aria-label="Look up a profile"
      noValidate
    >
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
          placeholder="u_ada, ada@example.com, +1 555 010 0001 or a whole email:ada@example.com"
          aria-invalid={outcome?.kind === "error" ? true : undefined}
          aria-describedby={outcome ? `${hintId} ${errorId}` : hintId}
          className={field}
          autoComplete="off"
          spellCheck={false}
          // The page exists to look someone up: the agent can type (or paste) at once.
          autoFocus
        />
      </label>
      <Button type="submit" variant="primary" disabled={busy}>
        <Search aria-hidden className="size-4" /> {busy ? "Looking up…" : "Look up"}
      </Button>
      <p id={hintId} className="text-fg-muted w-full text-xs">
        {LOOKUP_PASTE_HINT}
      </p>
      <div
        id={errorId}
        role={outcome?.kind === "error" ? "alert" : "status"}
        className="w-full text-sm"
        data-testid="lookup-outcome"
      >
        {outcome?.kind === "error" ? <p className="text-danger">{outcome.message}</p> : null}
        {outcome?.kind === "miss" ? (
          <p>
            No profile found for {outcome.tried[0]}
            {outcome.tried.length > 1 ? ` (also tried ${outcome.tried.slice(1).join(", ")})` : ""}.
          </p>
        ) : null}
        {outcome?.kind === "did-you-mean" ? (
          <p>
            No profile for {outcome.asked}. Did you mean{" "}
            <button type="button" className="text-accent font-mono underline" onClick={() => open(outcome.found)}>
              {outcome.found.label}
            </button>
            ?
          </p>
        ) : null}
      </div>
    </form>
  );
}
