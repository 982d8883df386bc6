/**
 * The app's error codes and their HTTP statuses: one table, one error class.
 * Shared by the BFF (server) and the views (browser), so it holds no secrets and no server imports.
 */
export const ERROR_STATUS = {
  authentication_error: 401,
  forbidden: 403,
  invalid_request_error: 400,
  validation_error: 400,
  not_found: 404,
  rate_limit_error: 429,
  upstream_authentication_error: 502,
  upstream_error: 502,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The error the BFF returns: the body's `error`, and a failed summary part (lib/core/api-types re-exports it). */
export type ApiError = { code: ErrorCode | (string & {}); message: string; request_id?: string };

/** The JSON body of every error the BFF returns. */
export type ErrorBody = { error: ApiError };

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly status: number;
  /** Seconds the caller should wait before retrying (rate limits). */
  readonly retryAfter?: number;
  /** The upstream Request-Id, when the error came from the Profile API. */
  readonly requestId?: string;

  constructor(
    code: ErrorCode,
    message: string,
    options: { status?: number; retryAfter?: number; requestId?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status ?? ERROR_STATUS[code];
    this.retryAfter = options.retryAfter;
    this.requestId = options.requestId;
  }

  toBody(requestId = this.requestId): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(requestId ? { request_id: requestId } : {}) } };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = value.error;
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string";
}
