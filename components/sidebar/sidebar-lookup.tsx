"use client";

import { useState } from "react";
import type { SidebarTarget } from "@/lib/views/lookup-input";
import { IdentifierForm } from "./identifier-form";
import { ProfileSidebar } from "./profile-sidebar";

/**
 * The sidebar opened without a usable identifier (`/embed` with a bad or missing `?id=`): the reason, and a lookup
 * that opens the profile right here in the sidebar.
 */
export function SidebarLookup({ message, initial = "" }: { message: string; initial?: string }) {
  const [target, setTarget] = useState<SidebarTarget | null>(null);
  if (target)
    return <ProfileSidebar key={`${target.collection}:${target.id}`} collection={target.collection} id={target.id} />;
  return (
    <div className="space-y-3 p-3 text-sm">
      <p role="alert">{message}</p>
      <IdentifierForm initial={initial} onOpen={setTarget} />
    </div>
  );
}
