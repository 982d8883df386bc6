import { parseIdentifier, type ProfileIdentifier } from "@/lib/core/identifiers";

/** The parts of ZAF's `ticket.requester` we read (https://developer.zendesk.com/api-reference/apps/apps-support-api/ticket_sidebar/). */
export type ZendeskRequester = {
  id?: number | string;
  name?: string;
  email?: string | null;
  externalId?: string | null;
  identities?: Array<{ type?: string; value?: string }>;
};

/** Each identifier type the requester can provide, and where it sits on the ZAF user object. */
function candidateValue(requester: ZendeskRequester, type: string): string | undefined {
  switch (type) {
    case "user_id":
      return requester.externalId ?? undefined;
    case "email":
      return requester.email ?? requester.identities?.find((i) => i.type === "email")?.value;
    case "phone":
      return requester.identities?.find((i) => i.type === "phone_number" || i.type === "phone")?.value;
    default:
      return undefined;
  }
}

/**
 * The customer to show for a ticket requester: the first identifier type of ZENDESK_IDENTIFIER_ORDER the requester
 * has. This picks *which customer*, it never authenticates anyone (the data came from the browser).
 */
export function pickRequesterIdentifier(
  requester: ZendeskRequester | null,
  order: readonly string[],
): ProfileIdentifier | null {
  if (!requester) return null;
  for (const type of order) {
    const value = candidateValue(requester, type)?.trim();
    if (!value) continue;
    const parsed = parseIdentifier(`${type}:${value}`);
    if (parsed.ok) return parsed.identifier;
  }
  return null;
}

/** What the lookup form starts with when nothing matched: the first thing the requester does have. */
export function requesterHint(requester: ZendeskRequester | null): string {
  if (!requester) return "";
  const email = candidateValue(requester, "email");
  return email ? `email:${email}` : "";
}
