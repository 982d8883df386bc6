"use client";
import { useState } from "react";
import type { JsonValue } from "@/lib/core/api-types";

/**
 * A collapsed JSON value whose indented text is built only when the agent opens it, in the browser. Rendering it up
 * front put every nested value, indented, into the server-rendered page (a 8 KB trait became a 4 MB page).
 */
export function LazyJson({ summary, value }: { summary: string; value: JsonValue }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="min-w-0" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="text-fg-muted cursor-pointer">JSON, {summary}</summary>
      {open ? (
        <pre className="bg-surface-sunken mt-1 max-h-60 overflow-auto rounded p-2 text-xs break-all whitespace-pre-wrap">
          {JSON.stringify(value, null, 2)}
        </pre>
      ) : null}
    </details>
  );
}
