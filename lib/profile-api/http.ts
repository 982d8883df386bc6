import "server-only";
import { Pool, errors as undiciErrors } from "undici";
import { kindForStatus, profileApiError, type ProfileApiError } from "./errors";
import { parseRetryAfterMs, type AttemptFailure, type AttemptOutcome } from "./retry";
import { profileApiErrorBodySchema } from "./schemas";

/** Sent as `User-Agent: profile-sidebar/<version>` so Segment can tell our traffic apart. */
export const CLIENT_VERSION = "0.1.0";

/** An answer larger than this is refused (a page of 100 events is far below it): one bad answer must not exhaust memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export type PoolSettings = { baseUrl: string; connections: number; maxResponseBytes?: number };

/**
 * One keep-alive pool per base URL: bounded connections, no pipelining (a slow answer must not
 * hold up the ones queued behind it on the same socket).
 */
export function createPool({
  baseUrl,
  connections,
  maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES,
}: PoolSettings): Pool {
  return new Pool(baseUrl, {
    connections,
    maxResponseSize: maxResponseBytes,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
  });
}

/** Basic auth as documented: the token is the user name, the password is empty. */
export function authorizationHeader(accessToken: string): string {
  return `Basic ${Buffer.from(`${accessToken}:`).toString("base64")}`;
}

export type AttemptRequest<T> = {
  pool: Pool;
  path: string;
  authorization: string;
  /** Aborts this attempt: the caller's signal, the attempt timeout and the overall deadline combined. */
  signal: AbortSignal;
  /** Validates the parsed body; throws when it does not match. */
  parse: (body: unknown) => T;
};

/**
 * One GET. Never throws for upstream or transport trouble: every failure comes back as a typed
 * outcome the retry loop can judge. Only the caller's own abort propagates (as the signal's reason).
 */
export async function attemptOnce<T>(request: AttemptRequest<T>): Promise<AttemptOutcome<T>> {
  let status: number;
  let requestId: string | undefined;
  let text: string;
  let retryAfter: string | string[] | undefined;
  try {
    const res = await request.pool.request({
      path: request.path,
      method: "GET",
      headers: {
        authorization: request.authorization,
        accept: "application/json",
        "user-agent": `profile-sidebar/${CLIENT_VERSION}`,
      },
      signal: request.signal,
    });
    status = res.statusCode;
    requestId = firstHeader(res.headers["request-id"]);
    retryAfter = res.headers["retry-after"];
    // Always read the body to the end, so the socket goes back to the pool for reuse.
    text = await res.body.text();
  } catch (error) {
    if (error instanceof undiciErrors.ResponseExceededMaxSizeError) {
      return { ok: false, error: profileApiError("malformed", { requestId }), final: true };
    }
    return { ok: false, error: transportError(error, request.signal) };
  }
  if (status < 200 || status >= 300) return failureFromStatus(status, text, requestId, retryAfter);
  return parseSuccess(text, requestId, request.parse);
}

function parseSuccess<T>(text: string, requestId: string | undefined, parse: (body: unknown) => T): AttemptOutcome<T> {
  try {
    return { ok: true, value: parse(JSON.parse(text)), requestId, size: Buffer.byteLength(text) };
  } catch {
    return { ok: false, error: profileApiError("malformed", { status: 200, requestId }) };
  }
}

function failureFromStatus(
  status: number,
  text: string,
  requestId: string | undefined,
  retryAfter: string | string[] | undefined,
): AttemptFailure {
  const kind = kindForStatus(status);
  const retryAfterMs = parseRetryAfterMs(retryAfter);
  const retryAfterSeconds = retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
  const error = profileApiError(kind, { status, requestId, upstreamCode: upstreamCode(text), retryAfterSeconds });
  return { ok: false, error, retryAfterMs };
}

/** The documented error code (`not_found`, `rate_limit_error`, ...) if the body has one. */
function upstreamCode(text: string): string | undefined {
  try {
    const parsed = profileApiErrorBodySchema.safeParse(JSON.parse(text));
    const code = parsed.success ? parsed.data.error.code : undefined;
    // Only a plain code word is kept: the message is never copied, it could echo request details.
    return code && /^[a-z0-9_]{1,64}$/.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A thrown transport error as a failure. The caller's abort is rethrown by the retry loop (it
 * checks the caller's signal); here an aborted attempt signal means our timeout or deadline.
 */
function transportError(error: unknown, signal: AbortSignal): ProfileApiError {
  if (signal.aborted || isTimeout(error)) return profileApiError("timeout");
  return profileApiError("network");
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError
  );
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
