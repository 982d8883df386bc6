import "server-only";
import type { Agent } from "@/lib/auth/agent";
import { recordAuditQuietly } from "./audit-log";

/** Who tried to sign in when nothing verified them: the name they gave, or this placeholder. */
const UNVERIFIED = "(unverified)";

/**
 * A sign-in, allowed or refused, in the audit trail. Never blocks or refuses a sign-in itself: the store's health
 * matters for customer data (closed mode), not for who may open the app.
 */
export function auditSignIn(
  source: string,
  outcome: "ok" | "refused",
  agent?: Partial<Agent> | null,
  reason?: string,
): void {
  recordAuditQuietly({
    action: "sign_in",
    agent: { name: agent?.name || UNVERIFIED, email: agent?.email, source, role: agent?.role },
    outcome,
    detail: reason ? reason.slice(0, 200) : undefined,
  });
}
