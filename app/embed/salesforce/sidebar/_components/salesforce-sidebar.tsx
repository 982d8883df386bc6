"use client";

import { useState } from "react";
import { IdentifierForm } from "@/components/sidebar/identifier-form";
import { ProfileSidebar } from "@/components/sidebar/profile-sidebar";
import type { SidebarProfile } from "@/lib/queries/lookup";

/**
 * The Salesforce record's customer (mapped on the server from the signed request, and given here by its handle), or the
 * lookup form.
 */
export function SalesforceSidebar({ initial }: { initial: SidebarProfile | null }) {
  const [target, setTarget] = useState<SidebarProfile | null>(initial);
  if (!target) {
    return (
      <div className="p-3">
        <IdentifierForm prompt="No customer matched this record. Look one up:" onOpen={setTarget} />
      </div>
    );
  }
  return <ProfileSidebar key={`${target.collection}:${target.id}:${target.label}`} {...target} />;
}
