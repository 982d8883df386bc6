import { Pin } from "lucide-react";
import type { JsonValue, VerboseTraitValue } from "@/lib/core/api-types";
import { RelativeTime } from "@/components/ui/relative-time";
import { orderTraitKeys, traitCopyText } from "@/lib/views/trait-values";
import { CopyButton } from "@/components/ui/copy-button";
import { Badge } from "@/components/ui/badge";
import { TraitValue } from "./trait-value";

export type TraitEntry = { value: JsonValue; source_id?: string; updated_at?: string };

/** Verbose pages wrap each value as {value, source_id, updated_at}; plain pages hold the bare value. */
export function toEntries(
  traits: Record<string, JsonValue | VerboseTraitValue>,
  verbose: boolean,
): Record<string, TraitEntry> {
  const entries: Record<string, TraitEntry> = {};
  for (const [key, raw] of Object.entries(traits)) {
    entries[key] =
      verbose && raw !== null && typeof raw === "object" && !Array.isArray(raw) && "value" in raw
        ? (raw as TraitEntry)
        : { value: raw };
  }
  return entries;
}

function Provenance({ entry }: { entry: TraitEntry }) {
  if (!entry.source_id && !entry.updated_at) return null;
  return (
    <p className="text-fg-muted text-xs">
      {entry.source_id ? `source ${entry.source_id}` : null}
      {entry.source_id && entry.updated_at ? " · " : null}
      {entry.updated_at ? (
        <>
          updated <RelativeTime iso={entry.updated_at} />
        </>
      ) : null}
    </p>
  );
}

/** Traits or computed traits as a key/value list, pinned keys first. */
export function TraitList({
  entries,
  pinned,
  search,
  verbose,
}: {
  entries: Record<string, TraitEntry>;
  pinned: readonly string[];
  search: string;
  verbose: boolean;
}) {
  const rows = orderTraitKeys(Object.keys(entries), pinned, search);
  if (rows.length === 0) return <p className="text-fg-muted py-2 text-sm">No trait key matches “{search}”.</p>;
  return (
    <dl className="divide-border divide-y">
      {rows.map(({ key, pinned: isPinned }) => {
        const entry = entries[key];
        if (!entry) return null;
        const copyText = traitCopyText(entry.value);
        return (
          <div key={key} className="flex min-w-0 flex-wrap gap-x-3 gap-y-0.5 py-1.5 text-sm" data-testid="trait-row">
            <dt className="text-fg-muted flex min-w-0 basis-40 items-center gap-1 font-mono text-xs break-all">
              {isPinned ? <Pin aria-label="pinned" className="text-accent size-3 shrink-0" /> : null}
              {key}
            </dt>
            <dd className="flex min-w-0 flex-1 basis-32 items-start gap-1">
              <div className="min-w-0 flex-1">
                <TraitValue value={entry.value} field={{ trait: key }} />
                {verbose ? <Provenance entry={entry} /> : null}
              </div>
              {copyText !== null ? <CopyButton value={copyText} label={key} /> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Audiences as member / not-member badges. */
export function AudienceList({
  entries,
  search,
  verbose,
}: {
  entries: Record<string, TraitEntry>;
  search: string;
  verbose: boolean;
}) {
  const rows = orderTraitKeys(Object.keys(entries), [], search);
  if (rows.length === 0) return <p className="text-fg-muted py-2 text-sm">No audience matches “{search}”.</p>;
  return (
    <ul className="divide-border divide-y">
      {rows.map(({ key }) => {
        const entry = entries[key];
        if (!entry) return null;
        const member = entry.value === true;
        return (
          <li
            key={key}
            className="flex min-w-0 flex-wrap items-center justify-between gap-2 py-1.5 text-sm"
            data-testid="audience-row"
          >
            <span className="min-w-0 font-mono text-xs break-all">{key}</span>
            <Badge tone={member ? "success" : "neutral"}>{member ? "Member" : "Not a member"}</Badge>
            {verbose ? (
              <div className="w-full">
                <Provenance entry={entry} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
