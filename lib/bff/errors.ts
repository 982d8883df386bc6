import "server-only";
import { AppError, type ErrorCode } from "@/lib/core/error-body";
import { ProfileApiError } from "@/lib/profile-api/errors";

const UPSTREAM_BAD_REQUEST_CODES: readonly ErrorCode[] = ["invalid_request_error", "validation_error"];

/** DESIGN §4's error table: what a failed Profile API call means to the browser. */
function fromProfileApiError(error: ProfileApiError): AppError {
  const options = { requestId: error.requestId, cause: error };
  switch (error.kind) {
    case "not_found":
      return new AppError("not_found", "No profile has this identifier.", options);
    case "bad_request": {
      const code = UPSTREAM_BAD_REQUEST_CODES.find((c) => c === error.upstreamCode) ?? "invalid_request_error";
      return new AppError(code, "The Profile API rejected the request as invalid.", options);
    }
    case "rate_limited": {
      const retryAfter = Math.max(1, Math.ceil(error.retryAfterSeconds ?? 1));
      return new AppError("rate_limit_error", `Too many requests to the Profile API; retry in ${retryAfter} s.`, {
        ...options,
        retryAfter,
      });
    }
    case "unauthorized":
      return new AppError(
        "upstream_authentication_error",
        "The Profile API rejected this server's credentials: the operator should check SEGMENT_ACCESS_TOKEN and SEGMENT_SPACE_ID (and SEGMENT_REGION or PROFILE_API_URL).",
        options,
      );
    case "client_error":
      return new AppError("upstream_error", "The Profile API refused the request.", options);
    case "server_error":
      return new AppError("upstream_error", "The Profile API failed to answer; try again shortly.", options);
    case "network":
      return new AppError("upstream_error", "The Profile API could not be reached; try again shortly.", options);
    case "malformed":
      return new AppError("upstream_error", "The Profile API sent an answer that could not be read.", options);
    case "timeout":
      return new AppError("upstream_error", "The Profile API did not answer in time; try again shortly.", {
        ...options,
        status: 504,
      });
    default:
      return internalError(error);
  }
}

function internalError(cause: unknown): AppError {
  return new AppError("internal_error", "Something went wrong on our side; the details are in the server log.", {
    cause,
  });
}

/** Any thrown value as the AppError the browser sees. Unknown errors become a generic 500; their detail stays in the log. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ProfileApiError) return fromProfileApiError(error);
  return internalError(error);
}

/** True when the error is ours (a bug) rather than an expected outcome: its detail is logged. */
export function isInternal(error: AppError): boolean {
  return error.code === "internal_error";
}
