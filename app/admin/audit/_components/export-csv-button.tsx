"use client";
import { Download } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { AuditFilters } from "./audit-filters";

const EXPORT_TIMEOUT_MS = 60_000;

/** The file name the server chose (Content-Disposition), else a plain one. */
function fileNameOf(response: Response): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? "audit.csv";
}

/**
 * Downloads the filtered log as CSV. A POST (the filters, customer identifier included, in the body, never in a URL),
 * its answer handed to the browser as a file through a temporary object URL; a refusal is said on the page instead
 * of replacing it.
 */
export function ExportCsvButton({ filters }: { filters: AuditFilters }) {
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  async function exportCsv() {
    setState("busy");
    try {
      const response = await fetch("/api/audit.csv", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(filters),
        credentials: "same-origin",
        cache: "no-store",
        signal: AbortSignal.timeout(EXPORT_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`export failed: ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response);
      link.click();
      // The browser has taken the file once the click is handled: the URL is released on the next turn.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setState("idle");
    } catch {
      setState("failed");
    }
  }
  return (
    <div className="flex items-center gap-2">
      <Button onClick={() => void exportCsv()} disabled={state === "busy"}>
        <Download aria-hidden className="size-4" />
        {state === "busy" ? "Exporting…" : "Export CSV"}
      </Button>
      {state === "failed" ? (
        <span role="alert" className="text-danger text-sm">
          The export failed. Try again.
        </span>
      ) : null}
    </div>
  );
}
