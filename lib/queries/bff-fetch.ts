/**
 * The browser's one way to call our BFF. A fetcher is bound to the embed bearer token of a host sign-in (held in
 * memory only: never localStorage, never a URL, never a module global shared by every caller) or to none, when the
 * page's session cookie identifies the agent. It asks the server to bypass its cache on an explicit refresh, and turns
 * error bodies into BffError.
 */
import type { ApiError } from "@/lib/core/api-types";

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
export type BffFetchOptions = { signal?: AbortSignal; refresh?: boolean; timeoutMs?: number; json?: unknown };

/**
 * How long the browser waits for one answer before it says so. Shorter than the server's upstream deadline on
 * purpose: the agent gets a first clear message within about 5 s while the server's call goes on (its answer
 * fills the server cache, and the browser's retry joins it through coalescing).
 */
export const BFF_TIMEOUT_MS = 4_500;

/** The browser gave up waiting (BFF_TIMEOUT_MS): status 0, code `timeout`. */
export function timeoutError(): BffError {
  return new BffError(0, { code: "timeout", message: "The server did not answer in time." });
}

async function fetchWithTimeout(
  path: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    return await fetch(path, { ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  } catch (error) {
    if (timeout.aborted && !signal?.aborted) throw timeoutError();
    throw error;
  }
}

/** Calls one BFF path (`/api/…`) and answers its JSON body, or throws BffError. */
export type BffFetcher = <T>(path: string, options?: BffFetchOptions) => Promise<T>;

/**
 * A fetcher that sends `bearerToken` (a host sign-in's embed token) on every call; without one it relies on the
 * session cookie. Each embedded sidebar builds its own, so two sessions on one page can never send each other's token.
 */
export function createBffFetcher(bearerToken: string | null = null): BffFetcher {
  return (path, options) => fetchBff(bearerToken, path, options);
}

async function fetchBff<T>(
  bearerToken: string | null,
  path: string,
  { signal, refresh = false, timeoutMs = BFF_TIMEOUT_MS, json }: BffFetchOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (bearerToken) headers.Authorization = `Bearer ${bearerToken}`;
  if (refresh) headers["Cache-Control"] = "no-cache";
  if (json !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetchWithTimeout(
    path,
    {
      headers,
      credentials: "same-origin",
      // Not "no-store": in that mode the Fetch standard makes the browser add `Cache-Control: no-cache` to the request,
      // which the BFF reads as the agent's refresh, so every call would bypass the server cache. The answers say
      // `Cache-Control: private, no-store` themselves, so the browser stores none of them either way.
      cache: "default",
      ...(json !== undefined ? { method: "POST", body: JSON.stringify(json) } : {}),
    },
    signal,
    timeoutMs,
  );
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
