import { ExternalLink } from "lucide-react";
import { isMaskedValue, type JsonValue } from "@/lib/core/api-types";
import { MaskedValueView, type RevealField } from "@/components/governance/masked-value";
import { formatDate } from "@/lib/views/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { viewTraitValue } from "@/lib/views/trait-values";
import { Badge } from "@/components/ui/badge";
import { LazyJson } from "@/components/ui/lazy-json";

/** One trait value, shown by what it is (see lib/views/trait-values.ts); a masked one by its hint (`field`: what Reveal asks for). */
export function TraitValue({ value, field }: { value: JsonValue | undefined; field?: RevealField }) {
  if (isMaskedValue(value)) return <MaskedValueView value={value} field={field} />;
  const view = viewTraitValue(value);
  switch (view.kind) {
    case "empty":
      return <span className="text-fg-muted italic">empty</span>;
    case "boolean":
      return <Badge tone={view.value ? "success" : "neutral"}>{view.value ? "true" : "false"}</Badge>;
    case "number":
      return <span className="tabular-nums">{view.text}</span>;
    case "currency":
      return <span className="font-medium tabular-nums">{view.text}</span>;
    case "date":
      // A calendar date (a birthday, a renewal day) has no time or zone to add; a moment reads as relative time.
      return view.dateOnly ? (
        <time dateTime={view.iso} title={view.iso} tabIndex={0}>
          {/* "1990-05-01" is that day everywhere: read in UTC, where JavaScript puts a date-only string. */}
          {formatDate(view.iso, "UTC")}
        </time>
      ) : (
        <RelativeTime iso={view.iso} />
      );
    case "url":
      return (
        <a
          href={view.href}
          target="_blank"
          rel="noopener noreferrer"
          className="text-accent inline-flex min-w-0 items-center gap-1 break-all underline"
        >
          {view.text}
          <ExternalLink aria-hidden className="size-3 shrink-0" />
          <span className="sr-only">(opens in a new tab)</span>
        </a>
      );
    case "json":
      return <LazyJson summary={view.summary} value={view.value} />;
    case "text":
      return <span className="break-words">{view.text}</span>;
  }
}
