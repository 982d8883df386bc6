"use client";
import type { Collection } from "@/lib/core/identifiers";
import type { SidebarProfile } from "@/lib/queries/lookup";
import { NotFoundState } from "@/components/profile/not-found-state";
import { IdentifierForm } from "./identifier-form";

/** No such profile: say so, and offer a lookup that opens the next profile inside the sidebar (with Back). */
export function SidebarNotFound({
  collection,
  label,
  onOpen,
}: {
  collection: Collection;
  label: string;
  onOpen: (next: SidebarProfile) => void;
}) {
  return (
    <NotFoundState collection={collection} id={label}>
      {/* Filled with the identifier that missed, so a typo is fixed rather than retyped. */}
      <IdentifierForm initial={label} onOpen={onOpen} />
    </NotFoundState>
  );
}
