import "server-only";
import { randomUUID } from "node:crypto";
import { type Agent, authenticateRequest, roleOf } from "@/lib/auth/agent";
import { maskJson } from "@/lib/governance/masking";
import { getMaskPolicy } from "@/lib/governance/policy";
import { canReveal } from "@/lib/governance/roles";
import type { CacheStatus } from "@/lib/core/api-types";
import { AppError } from "@/lib/core/error-body";
import { isCollection, type Collection, type ProfileIdentifier } from "@/lib/core/identifiers";
import { resolveProfileParam } from "./profile-param";
import { runAsAgent } from "@/lib/profile-api/agent-scope";
import { getApiSecurityHeaders } from "./api-headers";
import { jsonAnswer } from "./json-body";
import { isInternal, toAppError } from "./errors";
import { logRequest, type RequestLogEntry } from "./log";
import { parseQuery, type QuerySchema } from "./query-schemas";
import { isCrossSiteRequest } from "./request-guard";
import { type AuditTarget, auditProfileRequest } from "./audit-request";
import type { AuditAction } from "@/lib/audit/types";

export type ProfileRouteContext<Q> = {
  agent: Agent;
  collection: Collection;
  id: ProfileIdentifier;
  query: Q;
  /** This request's query string, already validated: the base of our own next-page URLs. */
  validatedQuery: URLSearchParams;
  /** The agent asked for fresh data (`Cache-Control: no-cache`): bypass the server cache. */
  refresh: boolean;
  signal: AbortSignal;
  /** The request itself, for the one route that reads a body (POST …/reveal). */
  request: Request;
  /** What the handler adds to this request's audit entry: `detail` (what was revealed; never a customer's value). */
  audit: { detail?: string };
};

export type RouteResult = {
  body: unknown;
  requestId?: string;
  cache?: CacheStatus;
  /** A bug of ours hidden inside a partial answer (summary): logged, never sent. */
  internalError?: unknown;
};

export type RouteSpec<Q> = {
  /** The route template, as logged: `/api/profiles/:collection/:id/events`. */
  route: string;
  query: QuerySchema<Q>;
  /**
   * Whether the body goes through masking (DESIGN §10). Every route masks, in this one place, except reveal,
   * whose answer is the clear value a supervisor asked for.
   */
  unmasked?: true;
  /** What the audit trail calls a request of this route: `view` (the summary), `reveal`; `read` by default. */
  audit?: AuditAction;
};

type RouteParams = { params: Promise<{ collection: string; id: string }> };

const NO_STORE = "private, no-store";
const CLIENT_CLOSED = 499;

/**
 * `{collection}` and `{id}` from the path. `{id}` is a handle (what the app's own pages use) or `type:value` (API
 * clients). Next.js has already percent-decoded them once; they are never decoded again (a second decode would turn
 * `%252e` into `.` and `%25` into a broken escape). An unknown collection is a 404: like any path that is not one of
 * our routes.
 */
function parseProfileParams(params: { collection: string; id: string }): {
  collection: Collection;
  id: ProfileIdentifier;
} {
  if (!isCollection(params.collection)) {
    throw new AppError(
      "not_found",
      "Unknown collection: profiles are under /api/profiles/users or /api/profiles/accounts.",
    );
  }
  return { collection: params.collection, id: resolveProfileParam(params.collection, params.id) };
}

function wantsRefresh(request: Request): boolean {
  return /(?:^|,)\s*no-cache\s*(?:,|$)/i.test(request.headers.get("cache-control") ?? "");
}

export function jsonResponse(
  body: unknown,
  status: number,
  requestId: string,
  extra: Record<string, string> = {},
): Response {
  return jsonAnswer(body, {
    status,
    // These routes skip proxy.ts (its matcher), so the security headers are set here.
    headers: { ...getApiSecurityHeaders(), "Cache-Control": NO_STORE, "X-Request-Id": requestId, ...extra },
  });
}

export function errorResponse(error: AppError, requestId: string): Response {
  const extra: Record<string, string> = error.retryAfter ? { "Retry-After": String(error.retryAfter) } : {};
  return jsonResponse(error.toBody(requestId), error.status, requestId, extra);
}

/**
 * The one wrapper of every profile route: refuses cross-site requests (403), requires a signed-in agent (401 JSON,
 * never a redirect), validates `{collection}`, `{id}` and the query (400/404 naming what is wrong), maps every error
 * to DESIGN §4's table, sets X-Request-Id / X-Cache / Cache-Control, and writes one log line.
 */
export function withAgent<Q>(spec: RouteSpec<Q>, handler: (context: ProfileRouteContext<Q>) => Promise<RouteResult>) {
  return async function handleProfileRoute(request: Request, { params }: RouteParams): Promise<Response> {
    const started = performance.now();
    const ownRequestId = randomUUID();
    const log: RequestLogEntry = {
      method: request.method,
      route: spec.route,
      status: 500,
      latencyMs: 0,
      requestId: ownRequestId,
    };
    let response: Response;
    let audited: AuditTarget | undefined;
    let outcome = "ok";
    try {
      if (isCrossSiteRequest(request)) throw new AppError("forbidden", "Requests from other sites are not accepted.");
      const agent = await authenticateRequest(request);
      if (!agent) throw new AppError("authentication_error", "Sign in to see customer profiles.");
      log.agent = agent.name;
      const { collection, id } = parseProfileParams(await params);
      log.profile = { collection, id };
      audited = { agent, collection, id, action: spec.audit ?? "read" };
      const searchParams = new URL(request.url).searchParams;
      const query = parseQuery(spec.query, searchParams);
      const context = {
        agent,
        collection,
        id,
        query,
        validatedQuery: searchParams,
        refresh: wantsRefresh(request),
        signal: request.signal,
        request,
        audit: audited,
      };
      // The rate limiter serves waiting agents in turn (fairness): it learns whose request this is from the scope.
      const result = await runAsAgent(`${agent.source}:${agent.email ?? agent.name}`, () => handler(context));
      // Masked for every role: a supervisor sees the same placeholders, marked revealable, and each reveal is audited.
      const body = spec.unmasked
        ? result.body
        : maskJson(result.body, { ...getMaskPolicy(), revealable: canReveal(roleOf(agent)) });
      log.requestId = result.requestId ?? ownRequestId;
      log.cache = result.cache;
      if (result.internalError !== undefined) log.error = result.internalError;
      response = jsonResponse(body, 200, log.requestId, result.cache ? { "X-Cache": result.cache } : {});
    } catch (thrown) {
      const error = toAppError(thrown);
      outcome = error.code;
      log.requestId = error.requestId ?? ownRequestId;
      if (isInternal(error) && !request.signal.aborted) log.error = thrown;
      response = errorResponse(error, log.requestId);
    }
    // Every answer about a profile, allowed or refused, is in the trail; in closed mode an unrecorded one is not sent.
    if (audited) {
      const refusal = await auditProfileRequest(audited, outcome, log.requestId);
      if (refusal) response = errorResponse(refusal, ownRequestId);
    }
    // An agent who went away (closed the tab, moved to the next ticket) is not our failure: logged as 499, the
    // usual "client closed request", rather than as a 500 that would page someone.
    log.status = request.signal.aborted && response.status >= 500 ? CLIENT_CLOSED : response.status;
    log.latencyMs = performance.now() - started;
    logRequest(log);
    return response;
  };
}
