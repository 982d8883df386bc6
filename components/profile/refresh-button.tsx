"use client";
import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useState } from "react";
import type { Collection } from "@/lib/core/identifiers";
import { refreshProfile } from "@/lib/queries/profiles";
import { Button } from "@/components/ui/button";

/** Reloads every panel of this profile, bypassing the server cache (`Cache-Control: no-cache`). */
export function RefreshButton({
  collection,
  id,
  compact = false,
}: {
  collection: Collection;
  id: string;
  compact?: boolean;
}) {
  const client = useQueryClient();
  const [state, setState] = useState<"idle" | "busy" | "done">("idle");
  const refresh = async () => {
    setState("busy");
    await refreshProfile(client, collection, id);
    setState("done");
  };
  return (
    <>
      <Button
        onClick={() => void refresh()}
        disabled={state === "busy"}
        aria-label={compact ? "Refresh profile" : undefined}
      >
        <RefreshCw aria-hidden className={`size-3.5 ${state === "busy" ? "animate-spin" : ""}`} />
        {compact ? null : "Refresh"}
      </Button>
      <span aria-live="polite" className="sr-only">
        {state === "busy" ? "Refreshing" : state === "done" ? "Profile refreshed" : ""}
      </span>
    </>
  );
}
