import { ExternalLink } from "lucide-react";
import type { JsonValue } from "@/lib/core/api-types";
import { formatDate, formatDateTime } from "@/lib/views/format";
import { viewTraitValue } from "@/lib/views/trait-values";
import { Badge } from "@/components/ui/badge";

/** One trait value, shown by what it is (see lib/views/trait-values.ts). */
export function TraitValue({ value }: { value: JsonValue | undefined }) {
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
      return (
        <time dateTime={view.iso} title={view.iso} tabIndex={0}>
          {view.dateOnly ? formatDate(view.iso) : formatDateTime(view.iso)}
        </time>
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
      return (
        <details className="min-w-0">
          <summary className="text-fg-muted cursor-pointer">JSON, {view.summary}</summary>
          <pre className="bg-surface-sunken mt-1 max-h-60 overflow-auto rounded p-2 text-xs break-all whitespace-pre-wrap">
            {view.text}
          </pre>
        </details>
      );
    case "text":
      return <span className="break-words">{view.text}</span>;
  }
}
