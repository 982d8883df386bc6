"use client";

import { useState } from "react";
import { IdentifierForm } from "@/components/sidebar/identifier-form";
import { ProfileSidebar } from "@/components/sidebar/profile-sidebar";
import { parseIdentifier } from "@/lib/core/identifiers";
import { targetForIdentifier, type SidebarTarget } from "@/lib/views/lookup-input";

/** The Salesforce record's customer (mapped on the server from the signed request), or the lookup form. */
export function SalesforceSidebar({ initialId }: { initialId: string }) {
  const parsed = parseIdentifier(initialId);
  const [target, setTarget] = useState<SidebarTarget | null>(parsed.ok ? targetForIdentifier(parsed.identifier) : null);
  if (!target) {
    return (
      <div className="p-3">
        <IdentifierForm prompt="No customer matched this record. Look one up:" onOpen={setTarget} />
      </div>
    );
  }
  return <ProfileSidebar key={`${target.collection}:${target.id}`} collection={target.collection} id={target.id} />;
}
