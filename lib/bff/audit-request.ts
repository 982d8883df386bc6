import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import type { AuditAction } from "@/lib/audit/types";
import { type Agent, roleOf } from "@/lib/auth/agent";
import { AppError } from "@/lib/core/error-body";
import { formatIdentifier, type Collection, type ProfileIdentifier } from "@/lib/core/identifiers";

export type AuditTarget = {
  agent: Agent;
  collection: Collection;
  id: ProfileIdentifier;
  action: AuditAction;
  /** Set by the handler while it runs: what was revealed (`trait:phone`). */
  detail?: string;
};

/**
 * The audit entry of one BFF request about a profile (`outcome`: `ok` or the error code the agent got). Null when it
 * is recorded (or AUDIT_FAIL_MODE=open); the 503 `audit_unavailable` to answer instead when the store failed in closed
 * mode: the data must not leave unrecorded.
 */
export async function auditProfileRequest(
  target: AuditTarget,
  outcome: string,
  requestId: string,
): Promise<AppError | null> {
  const { agent } = target;
  try {
    await recordAudit({
      action: target.action,
      agent: { name: agent.name, email: agent.email, source: agent.source, role: roleOf(agent) },
      collection: target.collection,
      identifier: formatIdentifier(target.id),
      outcome,
      requestId,
      ...(target.detail ? { detail: target.detail } : {}),
    });
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}
