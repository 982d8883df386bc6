import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { roleOf } from "@/lib/auth/agent";
import { getAgent } from "@/lib/auth/require-agent";
import { canReadAudit } from "@/lib/governance/roles";
import { AppChrome } from "@/components/profile/app-chrome";
import { AuditLogView } from "./_components/audit-log-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log · Profile Sidebar" };

/**
 * The audit trail for auditors (DESIGN §10). Everyone else gets the app's plain 404, signed out included: a sign-in
 * redirect would tell a stranger that an admin page lives here (unknown paths are 404s for them too). An auditor signs
 * in first and comes here (or signs in with `?callbackUrl=/admin/audit`).
 */
export default async function AuditLogPage() {
  const agent = await getAgent();
  if (!agent || !canReadAudit(roleOf(agent))) notFound();
  return (
    <AppChrome agentName={agent.name}>
      <AuditLogView />
    </AppChrome>
  );
}
