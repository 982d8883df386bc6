import "server-only";
import type { ProfileLink } from "@/lib/core/api-types";
import { isCollection, parseIdentifier } from "@/lib/core/identifiers";
import { profileHandle } from "@/lib/governance/profile-handle";
import { getMaskPolicy } from "@/lib/governance/policy";
import { pickProfileIdentifier } from "@/lib/views/identity-groups";

/**
 * Each link with the handle to open it by (DESIGN §10): the browser opens a linked profile through its handle, never by
 * building a URL from the identifier. The identifier is the one the browser shows for the link
 * (pickProfileIdentifier), chosen among the identifiers this deployment does not mask, exactly as the browser
 * chooses among what it receives after masking. A link with no usable identifier gets no handle (it cannot be opened).
 */
export function withLinkHandles(links: readonly ProfileLink[]): ProfileLink[] {
  const masked = getMaskPolicy().idTypes;
  return links.map((link) => {
    const picked = pickProfileIdentifier(link.external_ids.filter((id) => !masked.has(id.type)));
    const parsed = picked === null ? null : parseIdentifier(picked);
    if (!parsed?.ok || !isCollection(link.to_collection)) return link;
    return { ...link, handle: profileHandle(link.to_collection, parsed.identifier) };
  });
}
