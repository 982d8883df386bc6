import "server-only";

/**
 * What went wrong calling the Profile API, as a kind the BFF maps to its own error table.
 * Messages are written here, never copied from transport errors, so they cannot carry the
 * token, the Authorization header or the upstream URL (whose path holds the identifier, PII).
 */
export type ProfileApiErrorKind =
  | "not_found"
  | "bad_request"
  /** 401/403: the upstream rejected our token. */
  | "unauthorized"
  /** Any other 4xx. */
  | "client_error"
  /** 429 after retries. */
  | "rate_limited"
  /** 5xx after retries. */
  | "server_error"
  /** Reset, refused or dropped connection after retries. */
  | "network"
  /** Invalid JSON or an answer that does not match the schema, after retries. */
  | "malformed"
  /** The overall deadline passed (or every attempt timed out). */
  | "timeout";

export type ProfileApiErrorDetails = {
  status?: number;
  upstreamCode?: string;
  requestId?: string;
  retryAfterSeconds?: number;
};

/**
 * Brand of ProfileApiError. The client is one per process (globalThis), but Next.js bundles route handlers and pages
 * separately, each with its own copy of this class: an error thrown by a client that a page created must still be
 * recognised by a route's `instanceof` (it was not, and a 404 became a 500).
 */
const BRAND = Symbol.for("profile-sidebar.ProfileApiError");

export class ProfileApiError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && BRAND in value;
  }

  override name = "ProfileApiError";
  readonly [BRAND] = true;
  readonly kind: ProfileApiErrorKind;
  readonly status?: number;
  readonly upstreamCode?: string;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;

  constructor(kind: ProfileApiErrorKind, message: string, details: ProfileApiErrorDetails = {}) {
    super(message);
    this.kind = kind;
    this.status = details.status;
    this.upstreamCode = details.upstreamCode;
    this.requestId = details.requestId;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** A log-safe view (no stack, no cause). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      upstreamCode: this.upstreamCode,
      requestId: this.requestId,
      retryAfterSeconds: this.retryAfterSeconds,
    };
  }
}

const MESSAGES: Record<ProfileApiErrorKind, string> = {
  not_found: "The Profile API has no profile with this identifier.",
  bad_request: "The Profile API rejected the request as invalid.",
  unauthorized: "The Profile API rejected the access token.",
  client_error: "The Profile API refused the request.",
  rate_limited: "The Profile API rate limit was reached.",
  server_error: "The Profile API failed to answer.",
  network: "The Profile API could not be reached.",
  malformed: "The Profile API sent an answer that could not be read.",
  timeout: "The Profile API did not answer in time.",
};

export function profileApiError(kind: ProfileApiErrorKind, details: ProfileApiErrorDetails = {}): ProfileApiError {
  const status = details.status === undefined ? "" : ` (HTTP ${details.status})`;
  return new ProfileApiError(kind, `${MESSAGES[kind]}${status}`, details);
}

/** The error kind of a non-2xx upstream status. */
export function kindForStatus(status: number): ProfileApiErrorKind {
  if (status === 404) return "not_found";
  if (status === 400 || status === 422) return "bad_request";
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "client_error";
}

/** Only these are worth another attempt: the same GET may succeed next time. */
export function isRetryable(kind: ProfileApiErrorKind): boolean {
  return (
    kind === "rate_limited" ||
    kind === "server_error" ||
    kind === "network" ||
    kind === "malformed" ||
    kind === "timeout"
  );
}
