import "server-only";
import { isRetryable, profileApiError, type ProfileApiError } from "./errors";

/** One attempt's outcome, as the HTTP layer (http.ts) reports it to the retry loop. */
export type AttemptSuccess<T> = { ok: true; value: T; requestId: string | undefined; size: number };
/** `final`: asking again cannot help (the same answer would come back), whatever the kind. */
export type AttemptFailure = { ok: false; error: ProfileApiError; retryAfterMs?: number; final?: boolean };
export type AttemptOutcome<T> = AttemptSuccess<T> | AttemptFailure;

/** Backoff settings: full jitter over an exponentially growing window (AWS "full jitter"). */
export const BACKOFF_BASE_MS = 100;
export const BACKOFF_CAP_MS = 2_000;

/** Upper bound of the wait before attempt `attempt + 1` (attempt counts from 1). */
export function backoffCeilingMs(attempt: number, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** A uniformly random wait in [0, ceiling]; spreads retries so callers do not stampede together. */
export function backoffDelayMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs?: number,
  capMs?: number,
): number {
  return Math.floor(random() * backoffCeilingMs(attempt, baseMs, capMs));
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfterMs(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date always names a weekday or month; a bare number that failed above is junk, not a date.
  if (!/[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** The wait before the next attempt: the server's Retry-After wins over our own backoff when given. */
export function nextDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  // A little jitter on top of Retry-After, so callers told the same second do not all return in the same millisecond.
  return retryAfterMs === undefined
    ? backoffDelayMs(attempt, random)
    : retryAfterMs + Math.floor(random() * BACKOFF_BASE_MS);
}

/** Sleeps `ms`, ending early (rejecting with the reason) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(toError(signal.reason));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(toError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error("aborted");
}

/**
 * The space-wide limiter seam (implemented by the performance layer): asked before every
 * attempt, told about every upstream 429. `acquire` may resolve with a release function,
 * called when the attempt's answer is back.
 */
export type UpstreamLimiter = {
  acquire(deadlineAt: number, signal?: AbortSignal): Promise<void | (() => void)>;
  onRateLimited(retryAfterMs?: number): void;
};

export type RetryPolicy = {
  maxAttempts: number;
  attemptTimeoutMs: number;
  deadlineMs: number;
  signal?: AbortSignal;
  limiter?: UpstreamLimiter;
  random?: () => number;
  now?: () => number;
};

/**
 * Runs `attempt` until it succeeds, fails for good, runs out of attempts or would pass the
 * deadline. Only 429, 5xx, network trouble, malformed bodies and attempt timeouts are retried;
 * the wait honours Retry-After, else full-jitter backoff, and never sleeps past the deadline
 * (the last failure is thrown instead). The caller's abort rejects with the signal's reason.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  attempt: (signal: AbortSignal) => Promise<AttemptOutcome<T>>,
): Promise<AttemptSuccess<T>> {
  const now = policy.now ?? Date.now;
  const deadlineAt = now() + policy.deadlineMs;
  const { signal, limiter } = policy;
  let last: ProfileApiError = profileApiError("timeout");
  for (let n = 1; n <= policy.maxAttempts; n++) {
    throwIfAborted(signal);
    const remaining = deadlineAt - now();
    if (remaining <= 0)
      throw last.kind === "timeout" ? last : profileApiError("timeout", { requestId: last.requestId });
    const release = limiter ? await acquireSlot(limiter, deadlineAt, signal) : undefined;
    let outcome: AttemptOutcome<T>;
    try {
      outcome = await attempt(attemptSignal(signal, Math.min(policy.attemptTimeoutMs, remaining)));
    } finally {
      if (typeof release === "function") release();
    }
    throwIfAborted(signal);
    if (outcome.ok) return outcome;
    last = outcome.error;
    if (last.kind === "rate_limited") limiter?.onRateLimited(outcome.retryAfterMs);
    if (!isRetryable(last.kind) || outcome.final || n === policy.maxAttempts) throw last;
    const delay = nextDelayMs(n, outcome.retryAfterMs, policy.random);
    if (now() + delay >= deadlineAt) throw last;
    await sleep(delay, signal);
  }
  throw last;
}

/**
 * A slot from the space-wide limiter. Its refusal (no slot before the deadline, queue full) is
 * our own rate limit, so it becomes a typed rate_limited error the BFF already maps.
 */
async function acquireSlot(
  limiter: UpstreamLimiter,
  deadlineAt: number,
  signal?: AbortSignal,
): Promise<void | (() => void)> {
  try {
    return await limiter.acquire(deadlineAt, signal);
  } catch (error) {
    throwIfAborted(signal);
    const seconds = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    return Promise.reject(
      profileApiError("rate_limited", {
        retryAfterSeconds: typeof seconds === "number" ? Math.ceil(seconds) : undefined,
      }),
    );
  }
}

function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(Math.max(1, timeoutMs));
  return caller ? AbortSignal.any([caller, timeout]) : timeout;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw toError(signal.reason);
}
