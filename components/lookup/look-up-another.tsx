"use client";
import Link from "next/link";
import { saveLookupDraft } from "@/lib/views/lookup-draft";

/** Back to the lookup page from a not-found state, with the form filled with the identifier that missed. */
export function LookUpAnotherLink({ id }: { id: string }) {
  return (
    <Link href="/" className="text-accent underline" onClick={() => saveLookupDraft(window.sessionStorage, id)}>
      Look up another identifier
    </Link>
  );
}
