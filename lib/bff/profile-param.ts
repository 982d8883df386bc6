import "server-only";
import { AppError } from "@/lib/core/error-body";
import { parseIdentifier, type Collection, type ProfileIdentifier } from "@/lib/core/identifiers";
import { isHandleShaped } from "@/lib/core/profile-ref";
import { openProfileHandle } from "@/lib/governance/profile-handle";

export const BAD_HANDLE_MESSAGE =
  "This profile address is not valid here: it was altered, or it comes from another deployment. Look the customer up again.";

/**
 * The identifier a route's `{id}` names: a handle of this deployment (DESIGN §10) or, for API clients, `type:value`.
 * A handle that does not open, or that names a profile of the other collection, is a 400 saying so (never a 500).
 */
export function resolveProfileParam(collection: Collection, raw: string): ProfileIdentifier {
  if (isHandleShaped(raw)) {
    const opened = openProfileHandle(raw);
    if (!opened || opened.collection !== collection) throw new AppError("invalid_request_error", BAD_HANDLE_MESSAGE);
    return opened.id;
  }
  const parsed = parseIdentifier(raw);
  if (!parsed.ok) throw new AppError("invalid_request_error", parsed.message);
  return parsed.identifier;
}
