/**
 * The browser's one way to call our BFF. Sends the embed bearer token when a host sign-in
 * provided one (held in memory only: never localStorage, never a URL), asks the server to
 * bypass its cache on an explicit refresh, and turns error bodies into BffError.
 */
import type { ApiError } from "@/lib/core/api-types";

let bearerToken: string | null = null;

/** Set by the embedded sidebar after a host sign-in; null clears it. */
export function setBearerToken(token: string | null): void {
  bearerToken = token;
}

export class BffError extends Error {
  override name = "BffError";
  constructor(
    readonly status: number,
    readonly body: ApiError,
    readonly retryAfterSeconds?: number,
  ) {
    super(body.message);
  }
  get code(): string {
    return this.body.code;
  }
}

/** The BFF said no profile has this identifier (as opposed to any other failure). */
export function isNotFound(error: unknown): boolean {
  return error instanceof BffError && error.status === 404;
}

/** `json`: a body to POST (reveal); without it the call is a GET. */
export type BffFetchOptions = { signal?: AbortSignal; refresh?: boolean; json?: unknown };

export async function bffFetch<T>(path: string, { signal, refresh = false, json }: BffFetchOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (bearerToken) headers.Authorization = `Bearer ${bearerToken}`;
  if (refresh) headers["Cache-Control"] = "no-cache";
  if (json !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    headers,
    signal,
    credentials: "same-origin",
    cache: "no-store",
    ...(json !== undefined ? { method: "POST", body: JSON.stringify(json) } : {}),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: ApiError } | null)?.error;
    const retryAfter = Number(response.headers.get("Retry-After"));
    throw new BffError(
      response.status,
      error && typeof error.code === "string"
        ? error
        : { code: "internal_error", message: `The server answered ${response.status}.` },
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return body as T;
}
