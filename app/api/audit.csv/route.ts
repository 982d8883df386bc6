// GET|POST /api/audit.csv – the audit trail as a CSV download (DESIGN §10), for auditors only (404 for everyone else).
// POST takes the same filters in a JSON or form body, so the admin page keeps the customer identifier out of URLs.
import { AUDIT_CSV, auditMethodNotAllowed, auditReadHandler } from "@/lib/audit/audit-route";

export const dynamic = "force-dynamic";

export const GET = auditReadHandler(AUDIT_CSV);
export const POST = auditReadHandler(AUDIT_CSV);
export {
  auditMethodNotAllowed as DELETE,
  auditMethodNotAllowed as OPTIONS,
  auditMethodNotAllowed as PATCH,
  auditMethodNotAllowed as PUT,
};
