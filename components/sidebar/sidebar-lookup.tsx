"use client";

import { useState } from "react";
import type { SidebarProfile } from "@/lib/queries/lookup";
import { IdentifierForm } from "./lazy-sections";
import { ProfileSidebar } from "./profile-sidebar";

/**
 * The sidebar opened without a usable profile (`/embed` with a bad or missing `?id=`, or a handle that does not open
 * here): the reason, and a lookup that opens the profile right here in the sidebar.
 */
export function SidebarLookup({ message, initial = "" }: { message: string; initial?: string }) {
  const [target, setTarget] = useState<SidebarProfile | null>(null);
  if (target) return <ProfileSidebar key={`${target.collection}:${target.id}:${target.label}`} {...target} />;
  return (
    <div className="space-y-3 p-3 text-sm">
      <p role="alert">{message}</p>
      <IdentifierForm initial={initial} onOpen={setTarget} />
    </div>
  );
}
