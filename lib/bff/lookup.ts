import "server-only";
import { randomUUID } from "node:crypto";
import { authenticateRequest } from "@/lib/auth/agent";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/core/error-body";
import { profileHandle } from "@/lib/governance/profile-handle";
import { getProfileApi } from "@/lib/profile-api/client";
import { runAsAgent } from "@/lib/profile-api/agent-scope";
import type { LookupTarget } from "@/lib/views/lookup-input";
import type { Agent } from "@/lib/auth/agent";
import { auditProfileRequest } from "./audit-request";
import { isInternal, toAppError } from "./errors";
import { logRequest, type RequestLogEntry } from "./log";
import { lookupCandidatesOf, readLookupBody } from "./lookup-request";
import { isCrossSiteRequest } from "./request-guard";
import { errorResponse, jsonResponse } from "./with-agent";

/** 200: the profile found. `asked` is the first identifier tried: when `label` differs, the form says "did you mean". */
export type LookupFound = { collection: string; handle: string; label: string; asked: string };

/** Whether the profile exists (its small metadata call answers), audited as a read like any BFF call about it. */
async function probe(agent: Agent, target: LookupTarget, requestId: string, signal: AbortSignal): Promise<boolean> {
  let failure: unknown;
  await getProfileApi()
    .metadata(target.collection, target.identifier, {}, { signal })
    .catch((error: unknown) => (failure = error));
  const outcome = failure === undefined ? "ok" : toAppError(failure).code;
  const audited = { agent, collection: target.collection, id: target.identifier, action: "read" as const };
  const refusal = await auditProfileRequest(audited, outcome, requestId);
  if (refusal) throw refusal;
  if (failure !== undefined && outcome !== "not_found") throw toAppError(failure);
  return outcome === "ok";
}

async function findFirst(agent: Agent, candidates: LookupTarget[], requestId: string, signal: AbortSignal) {
  for (const candidate of candidates) if (await probe(agent, candidate, requestId, signal)) return candidate;
  return null;
}

/**
 * POST /api/lookup: the identifier (or what the agent typed) in the body, the handle of the first profile found back
 * (DESIGN §10). 404 `not_found` with `tried` (the identifiers tried, in the body only) when none exists. Same guards as
 * the profile routes: same-site only, a signed-in agent, one log line with the profile hashed.
 */
export async function handleLookup(request: Request): Promise<Response> {
  const started = performance.now();
  const requestId = randomUUID();
  const log: RequestLogEntry = { method: "POST", route: "/api/lookup", status: 500, latencyMs: 0, requestId };
  let response: Response;
  try {
    if (isCrossSiteRequest(request)) throw new AppError("forbidden", "Requests from other sites are not accepted.");
    const agent = await authenticateRequest(request);
    if (!agent) throw new AppError("authentication_error", "Sign in to look up customer profiles.");
    log.agent = agent.name;
    const result = lookupCandidatesOf(await readLookupBody(request), getConfig().DEFAULT_PHONE_COUNTRY);
    if (!result.ok) throw new AppError("invalid_request_error", result.message);
    const tried = result.candidates.map((c) => c.text);
    const found = await runAsAgent(`${agent.source}:${agent.email ?? agent.name}`, () =>
      findFirst(agent, result.candidates, requestId, request.signal),
    );
    if (found) log.profile = { collection: found.collection, id: found.identifier };
    const body: LookupFound | { error: { code: string; message: string; request_id: string }; tried: string[] } = found
      ? {
          collection: found.collection,
          handle: profileHandle(found.collection, found.identifier),
          label: found.text,
          asked: tried[0] ?? found.text,
        }
      : {
          error: { code: "not_found", message: "No profile has this identifier.", request_id: requestId },
          tried,
        };
    response = jsonResponse(body, found ? 200 : 404, requestId);
  } catch (thrown) {
    const error = toAppError(thrown);
    if (isInternal(error) && !request.signal.aborted) log.error = thrown;
    response = errorResponse(error, requestId);
  }
  log.status = response.status;
  log.latencyMs = performance.now() - started;
  logRequest(log);
  return response;
}
