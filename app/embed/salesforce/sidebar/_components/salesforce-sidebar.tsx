"use client";

import { useState } from "react";
import { EmbeddedProfile } from "@/app/embed/_components/embedded-profile";
import { IdentifierForm } from "@/app/embed/_components/identifier-form";
import { parseIdentifier, type ProfileIdentifier } from "@/lib/profile-api/identifiers";

/** The Salesforce record's customer (mapped on the server from the signed request), or the lookup form. */
export function SalesforceSidebar({ initialId }: { initialId: string }) {
  const parsed = parseIdentifier(initialId);
  const [id, setId] = useState<ProfileIdentifier | null>(parsed.ok ? parsed.identifier : null);
  return id ? <EmbeddedProfile id={id} /> : <IdentifierForm initial="" onSubmit={setId} />;
}
