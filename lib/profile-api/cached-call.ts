import "server-only";
import type { CacheStatus } from "@/lib/core/api-types";
import {
  buildCacheKey,
  ResponseCache,
  ttlForResource,
  type CacheKeyParts,
  type CacheStats,
  type CacheTtls,
} from "./cache";
import { Coalescer } from "./coalesce";
import { profileApiError } from "./errors";
import { RateLimitedError, RateLimiter, type LimiterStats } from "./rate-limiter";
import type { UpstreamLimiter } from "./retry";

/**
 * The performance layer in front of the client's one funnel: cache → coalescing → (the
 * funnel's retry loop, which asks the space's limiter before every attempt). One per client;
 * the app's client is a process-wide singleton, so one per process.
 */

/** What one upstream call produced: the parsed body, its Request-Id and serialized length. */
export type UpstreamAnswer<T> = { value: T; requestId?: string; size?: number };
export type CachedAnswer<T> = { value: T; requestId?: string; cache: CacheStatus };

export type PerformanceSettings = CacheTtls & { cacheMaxBytes: number; rateLimitPerSecond: number };
export type PerformanceStats = { cache: CacheStats; limiter: LimiterStats; coalescer: ReturnType<Coalescer["stats"]> };

export class PerformanceLayer {
  readonly cache: ResponseCache;
  readonly coalescer = new Coalescer();
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(private readonly settings: PerformanceSettings) {
    this.cache = new ResponseCache({ maxBytes: settings.cacheMaxBytes });
  }

  /** The limiter of one space: every upstream attempt toward that space passes through it. */
  limiterFor(spaceId: string): RateLimiter {
    let limiter = this.limiters.get(spaceId);
    if (!limiter) {
      limiter = new RateLimiter({ rate: this.settings.rateLimitPerSecond });
      this.limiters.set(spaceId, limiter);
    }
    return limiter;
  }

  /**
   * Serves from the cache when it can; otherwise runs `call` once for all identical concurrent
   * callers and stores a success. `refresh` skips the cache and older in-flight calls, and its
   * answer refills the cache. Errors are shared by the callers waiting on them, never stored.
   * `call` must not depend on one caller's signal: others may be waiting on it.
   */
  async run<T>(
    parts: CacheKeyParts,
    options: { refresh?: boolean; signal?: AbortSignal },
    call: () => Promise<UpstreamAnswer<T>>,
  ): Promise<CachedAnswer<T>> {
    const key = buildCacheKey(parts);
    if (!options.refresh) {
      const hit = this.cache.get<T>(key);
      if (hit) return { ...hit, cache: "HIT" };
    }
    const ttlMs = ttlForResource(parts.resource, this.settings);
    const answer = await this.coalescer.run(
      key,
      async () => {
        const fresh = await call();
        this.cache.set(key, fresh.value, { ttlMs, requestId: fresh.requestId, size: fresh.size });
        return fresh;
      },
      { fresh: options.refresh, signal: options.signal },
    );
    return { value: answer.value, requestId: answer.requestId, cache: options.refresh ? "BYPASS" : "MISS" };
  }

  stats(spaceId: string): PerformanceStats {
    return { cache: this.cache.stats(), limiter: this.limiterFor(spaceId).stats(), coalescer: this.coalescer.stats() };
  }
}

/**
 * The space's limiter as the client's retry loop sees it: a request that gets no slot before
 * its deadline fails as the Profile API's own 429 would (rate_limited, retryAfterSeconds), so
 * the BFF answers 429 rate_limit_error with Retry-After.
 */
export function asUpstreamLimiter(limiter: RateLimiter): UpstreamLimiter {
  return {
    acquire: (deadlineAt, signal) =>
      limiter.acquire(deadlineAt, signal).catch((error: unknown) => {
        if (!(error instanceof RateLimitedError)) throw error;
        throw profileApiError("rate_limited", { retryAfterSeconds: error.retryAfterSeconds });
      }),
    onRateLimited: (retryAfterMs) => limiter.onRateLimited(retryAfterMs),
  };
}
