import "server-only";
import { formatIdentifier, parseIdentifier } from "@/lib/core/identifiers";
import { profileHandle } from "@/lib/governance/profile-handle";
import type { SidebarProfile } from "@/lib/queries/lookup";
import { targetForIdentifier } from "@/lib/views/lookup-input";

/** The sidebar's profile for a `type:value` the server knows (a host record's customer): named by its handle. */
export function sidebarProfileOf(identifier: string): SidebarProfile | null {
  const parsed = parseIdentifier(identifier);
  if (!parsed.ok) return null;
  const { collection } = targetForIdentifier(parsed.identifier);
  return { collection, id: profileHandle(collection, parsed.identifier), label: formatIdentifier(parsed.identifier) };
}
