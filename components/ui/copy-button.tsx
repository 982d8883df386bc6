"use client";
import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";

/**
 * Copies a value to the clipboard. The result is announced through a polite live region ("Copied"), so screen
 * reader users hear it too; it resets after two seconds.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (status === "idle") return;
    const timer = setTimeout(() => setStatus("idle"), 2000);
    return () => clearTimeout(timer);
  }, [status]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  };
  return (
    <span className="inline-flex shrink-0 items-center">
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={`Copy ${label}`}
        className="text-fg-muted hover:bg-surface-sunken hover:text-fg rounded p-1"
      >
        {status === "copied" ? (
          <Check aria-hidden className="text-success size-3.5" />
        ) : (
          <Copy aria-hidden className="size-3.5" />
        )}
      </button>
      <span aria-live="polite" className="sr-only">
        {status === "copied" ? "Copied" : status === "failed" ? "Copy failed" : ""}
      </span>
    </span>
  );
}
