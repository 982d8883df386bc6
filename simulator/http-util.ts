import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";

/** An answer the simulator sends as the documented error body `{"error":{"code","message"}}`. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** `Request-Id` in the docs' format (`1111-2222-3333-4444`): four groups of four hex digits. */
export function newRequestId(): string {
  const hex = randomBytes(8).toString("hex");
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}`;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, JSON.stringify(body), headers);
}

/** Writes a JSON-typed body as is (also used for the deliberately malformed fault bodies). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: SimError): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message } }, error.headers);
}

/** The error body the simulator answers for an injected (or real) status without a more specific cause. */
export function errorForStatus(status: number, retryAfterSeconds: number): SimError {
  switch (status) {
    case 400:
      return new SimError(400, "invalid_request_error", "The request was unacceptable.");
    case 401:
      return new SimError(401, "authentication_error", "No valid Access Token provided.");
    case 404:
      return new SimError(404, "not_found", "Profile was not found.");
    case 429:
      return rateLimitError(retryAfterSeconds);
    case 500:
      return new SimError(500, "internal_error", "Something went wrong on Segment's side.");
    case 502:
      return new SimError(502, "bad_gateway", "Something went wrong on Segment's side.");
    case 503:
      return new SimError(503, "service_unavailable", "Something went wrong on Segment's side.");
    case 504:
      return new SimError(504, "gateway_timeout", "Something went wrong on Segment's side.");
    default:
      return new SimError(
        status,
        status >= 500 ? "internal_error" : "invalid_request_error",
        `Simulated ${status} error.`,
      );
  }
}

export function rateLimitError(retryAfterSeconds: number): SimError {
  return new SimError(429, "rate_limit_error", "Too many requests hit the API too quickly.", {
    "Retry-After": String(retryAfterSeconds),
  });
}
