"use client";
import { EyeOff } from "lucide-react";
import { useState } from "react";
import type { JsonValue, MaskedValue } from "@/lib/core/api-types";
import { bffProfilePath } from "@/lib/core/paths";
import { useBffFetcher } from "@/lib/queries/client-fetcher";
import { Button } from "@/components/ui/button";
import { useRevealTarget } from "./reveal-target";

/** What a Reveal button asks for: one masked trait, or the ids of one masked identifier type. */
export type RevealField = { trait: string } | { external_id_type: string };

type State =
  { kind: "masked" } | { kind: "loading" } | { kind: "revealed"; text: string } | { kind: "failed"; message: string };

const asText = (value: JsonValue) => (typeof value === "string" ? value : JSON.stringify(value));

/**
 * A value the server masked (DESIGN §10): the hint, and for supervisors a Reveal button. The clear value is fetched
 * only on that click (POST …/reveal, audited on the server) and kept in this component's state only.
 */
export function MaskedValueView({ value, field }: { value: MaskedValue; field?: RevealField }) {
  const target = useRevealTarget();
  const fetchBff = useBffFetcher();
  const [state, setState] = useState<State>({ kind: "masked" });
  if (state.kind === "revealed")
    return (
      <span className="font-mono break-all" data-testid="revealed-value">
        {state.text}
      </span>
    );
  const reveal = async () => {
    if (!target || !field) return;
    setState({ kind: "loading" });
    try {
      const answer = await fetchBff<{ value: JsonValue }>(bffProfilePath(target.collection, target.id, "reveal"), {
        json: field,
      });
      setState({ kind: "revealed", text: asText(answer.value) });
    } catch (error) {
      setState({ kind: "failed", message: error instanceof Error ? error.message : "Could not reveal the value." });
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="masked-value">
      <EyeOff aria-hidden className="text-fg-muted size-3.5" />
      <span className="text-fg-muted">
        <span className="sr-only">Hidden value ending </span>
        {value.hint}
      </span>
      {value.revealable && target && field ? (
        <Button
          variant="ghost"
          className="min-h-6 px-1.5 text-xs"
          onClick={() => void reveal()}
          disabled={state.kind === "loading"}
        >
          Reveal
        </Button>
      ) : null}
      {state.kind === "failed" ? (
        <span role="alert" className="text-danger text-xs">
          {state.message}
        </span>
      ) : null}
    </span>
  );
}
