import "server-only";
import { type Agent, roleOf } from "@/lib/auth/agent";
import { AppError } from "@/lib/core/error-body";
import { recordAudit } from "./audit-log";

/**
 * The audit entry of a profile page opened in the browser (the page's own prefetch shows data without a BFF call).
 * False when the entry could not be written in AUDIT_FAIL_MODE=closed: the page then shows no customer data.
 */
export async function auditPageView(
  agent: Agent,
  collection: string,
  identifier: string,
  outcome: string,
): Promise<boolean> {
  try {
    await recordAudit({
      action: "view",
      agent: { name: agent.name, email: agent.email, source: agent.source, role: roleOf(agent) },
      collection,
      identifier,
      outcome,
      detail: "page",
    });
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "audit_unavailable") return false;
    throw error;
  }
}
