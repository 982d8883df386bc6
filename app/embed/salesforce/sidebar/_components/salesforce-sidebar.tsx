"use client";

import { useState } from "react";
import { IdentifierForm } from "@/app/embed/_components/identifier-form";
import { ProfileSidebar } from "@/components/sidebar/profile-sidebar";
import { formatIdentifier, parseIdentifier, type ProfileIdentifier } from "@/lib/profile-api/identifiers";

/** The Salesforce record's customer (mapped on the server from the signed request), or the lookup form. */
export function SalesforceSidebar({ initialId, pinnedTraits }: { initialId: string; pinnedTraits: readonly string[] }) {
  const parsed = parseIdentifier(initialId);
  const [id, setId] = useState<ProfileIdentifier | null>(parsed.ok ? parsed.identifier : null);
  if (!id) return <IdentifierForm initial="" onSubmit={setId} />;
  return <ProfileSidebar collection="users" id={formatIdentifier(id)} pinnedTraits={pinnedTraits} />;
}
