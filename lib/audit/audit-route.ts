import "server-only";
import { randomUUID } from "node:crypto";
import { type Agent, authenticateRequest, roleOf } from "@/lib/auth/agent";
import { getApiSecurityHeaders } from "@/lib/bff/api-headers";
import { toAppError, isInternal } from "@/lib/bff/errors";
import { logRequest, type RequestLogEntry } from "@/lib/bff/log";
import { isCrossSiteRequest } from "@/lib/bff/request-guard";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/core/error-body";
import { canReadAudit } from "@/lib/governance/roles";
import { type AuditReadFilter, parseAuditFilter, readAuditFilterBody } from "./audit-filter";
import { getAuditLog, recordAudit, recordAuditQuietly } from "./audit-log";
import { exportAuditCsv, readAuditPage } from "./audit-read";
import type { AuditAction } from "./types";

type Kind = { route: string; action: Extract<AuditAction, "audit_read" | "audit_export"> };
export const AUDIT_JSON: Kind = { route: "/api/audit", action: "audit_read" };
export const AUDIT_CSV: Kind = { route: "/api/audit.csv", action: "audit_export" };

const ALLOWED_METHODS = "GET, HEAD, POST";

function headers(requestId: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...getApiSecurityHeaders(), "Cache-Control": "private, no-store", "X-Request-Id": requestId, ...extra };
}

function errorResponse(error: AppError, requestId: string, extra: Record<string, string> = {}): Response {
  return Response.json(error.toBody(requestId), { status: error.status, headers: headers(requestId, extra) });
}

/** Everyone but an auditor (signed out, another role, another site) gets what an unknown path gets: the log is not announced. */
const NOT_FOUND = () => new AppError("not_found", "Not found.");

/** The signed-in auditor of a same-site request, else null. */
async function auditorOf(request: Request): Promise<{ agent: Agent | null; auditor: boolean }> {
  if (isCrossSiteRequest(request)) return { agent: null, auditor: false };
  const agent = await authenticateRequest(request);
  return { agent, auditor: agent !== null && canReadAudit(roleOf(agent)) };
}

const agentOf = (agent: Agent) => ({ name: agent.name, email: agent.email, source: agent.source, role: roleOf(agent) });

/** What the entry says about the read: the filters, except the customer (that one is the entry's sealed identifier). */
function describe(filter: AuditReadFilter | undefined, method: string): string {
  if (!filter) return method;
  const parts = [method];
  if (filter.agent) parts.push(`agent=${filter.agent}`);
  if (filter.profile) parts.push("profile=(the entry's identifier)");
  if (filter.action) parts.push(`action=${filter.action}`);
  if (filter.since) parts.push(`since=${filter.since}`);
  if (filter.until) parts.push(`until=${filter.until}`);
  if (filter.beforeSeq !== undefined) parts.push(`before_seq=${filter.beforeSeq}`);
  return parts.join(" ").slice(0, 500);
}

async function answer(kind: Kind, filter: AuditReadFilter, requestId: string): Promise<Response> {
  const { store } = getAuditLog();
  const secret = getConfig().AUTH_SECRET;
  if (kind === AUDIT_JSON) {
    return Response.json(await readAuditPage(store, filter, secret), { headers: headers(requestId) });
  }
  const exported = await exportAuditCsv(store, filter, secret);
  const stamp = new Date().toISOString().replace(/[-:]/g, "").slice(0, 15);
  return new Response(exported.csv, {
    headers: headers(requestId, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${stamp}.csv"`,
      "X-Export-Rows": String(exported.rows),
      ...(exported.next ? { "X-Export-Next": exported.next } : {}),
    }),
  });
}

/**
 * GET (filters in the query) and POST (filters in a JSON or form body: the admin page, so the customer identifier
 * never sits in a URL) of /api/audit and /api/audit.csv. Auditors only; every read, allowed or failed, is itself an
 * entry, and in AUDIT_FAIL_MODE=closed an unrecorded read is not answered (503).
 */
export function auditReadHandler(kind: Kind) {
  return async function handleAuditRead(request: Request): Promise<Response> {
    const started = performance.now();
    const requestId = randomUUID();
    const log: RequestLogEntry = { method: request.method, route: kind.route, status: 500, latencyMs: 0, requestId };
    let response: Response;
    const { agent, auditor } = await auditorOf(request);
    if (agent) log.agent = agent.name;
    if (!auditor) {
      // An attempt by a signed-in agent is worth knowing about; anonymous probes are not attributable.
      if (agent) recordAuditQuietly({ action: kind.action, agent: agentOf(agent), outcome: "not_found", requestId });
      response = errorResponse(NOT_FOUND(), requestId);
    } else {
      response = await auditedAnswer(kind, request, agent as Agent, requestId, log);
    }
    log.status = response.status;
    log.latencyMs = performance.now() - started;
    logRequest(log);
    return response;
  };
}

async function auditedAnswer(
  kind: Kind,
  request: Request,
  agent: Agent,
  requestId: string,
  log: RequestLogEntry,
): Promise<Response> {
  let filter: AuditReadFilter | undefined;
  let response: Response;
  let outcome = "ok";
  try {
    const params = request.method === "POST" ? await readAuditFilterBody(request) : new URL(request.url).searchParams;
    filter = parseAuditFilter(params);
    response = await answer(kind, filter, requestId);
  } catch (thrown) {
    const error = toAppError(thrown);
    outcome = error.code;
    if (isInternal(error)) log.error = thrown;
    response = errorResponse(error, requestId);
  }
  try {
    await recordAudit({
      action: kind.action,
      agent: agentOf(agent),
      identifier: filter?.profile,
      outcome,
      requestId,
      detail: describe(filter, request.method),
    });
  } catch (error) {
    // closed mode: the store failed, so the log is not shown unrecorded.
    return errorResponse(toAppError(error), requestId);
  }
  return response;
}

/** Other methods: 405 for an auditor, and the same 404 as GET for everyone else (a 405 would tell that the route exists). */
export async function auditMethodNotAllowed(request: Request): Promise<Response> {
  const requestId = randomUUID();
  const { auditor } = await auditorOf(request);
  if (!auditor) return errorResponse(NOT_FOUND(), requestId);
  return Response.json(
    {
      error: {
        code: "method_not_allowed",
        message: `This route answers ${ALLOWED_METHODS} only.`,
        request_id: requestId,
      },
    },
    { status: 405, headers: headers(requestId, { Allow: ALLOWED_METHODS }) },
  );
}
