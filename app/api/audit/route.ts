// GET|POST /api/audit – the audit trail as JSON pages (DESIGN §10), for auditors only (404 for everyone else).
// POST takes the same filters in a JSON or form body, so the admin page keeps the customer identifier out of URLs.
import { AUDIT_JSON, auditMethodNotAllowed, auditReadHandler } from "@/lib/audit/audit-route";

export const dynamic = "force-dynamic";

export const GET = auditReadHandler(AUDIT_JSON);
export const POST = auditReadHandler(AUDIT_JSON);
export {
  auditMethodNotAllowed as DELETE,
  auditMethodNotAllowed as OPTIONS,
  auditMethodNotAllowed as PATCH,
  auditMethodNotAllowed as PUT,
};
