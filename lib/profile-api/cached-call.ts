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
import type { SharedStore } from "@/lib/shared-store/shared-store";
import { Coalescer } from "./coalesce";
import { profileApiError } from "./errors";
import { FairQueue, type SlotSource } from "./fair-queue";
import { RateLimitedError, RateLimiter, type LimiterStats } from "./rate-limiter";
import type { UpstreamLimiter } from "./retry";
import { SharedCalls } from "./shared-calls";
import { SharedRateLimiter } from "./shared-rate-limiter";

/**
 * The performance layer in front of the client's one funnel: cache → coalescing → (the
 * funnel's retry loop, which asks the space's limiter before every attempt). One per client;
 * the app's client is a process-wide singleton, so one per process. With a shared store backed by Redis, the cache,
 * the coalescing and the space's rate budget are also shared by every instance (DESIGN §9).
 */

/** What one upstream call produced: the parsed body, its Request-Id and serialized length. */
export type UpstreamAnswer<T> = { value: T; requestId?: string; size?: number };
export type CachedAnswer<T> = { value: T; requestId?: string; cache: CacheStatus };

export type PerformanceSettings = CacheTtls & {
  cacheMaxBytes: number;
  rateLimitPerSecond: number;
  /** Bounds a cross-instance wait for another instance's call; default 8 s. */
  deadlineMs?: number;
  /** How long one attempt may hold a shared rate slot before it frees itself; default 3 s. */
  attemptTimeoutMs?: number;
};
export type PerformanceStats = { cache: CacheStats; limiter: LimiterStats; coalescer: ReturnType<Coalescer["stats"]> };

export class PerformanceLayer {
  readonly cache: ResponseCache;
  readonly coalescer = new Coalescer();
  private readonly limiters = new Map<string, RateLimiter>();
  private readonly fairQueues = new Map<
    string,
    { fair: FairQueue; source: SlotSource & Pick<RateLimiter, "onRateLimited"> }
  >();
  private readonly shared: SharedCalls | undefined;

  constructor(
    private readonly settings: PerformanceSettings,
    private readonly store?: SharedStore,
  ) {
    this.cache = new ResponseCache({ maxBytes: settings.cacheMaxBytes });
    // One shared entry holds at most a sixty-fourth of the cache budget (a few verbose pages), so no single answer crowds out Redis.
    const maxValueBytes = Math.min(4 * 1024 * 1024, Math.floor(settings.cacheMaxBytes / 64));
    if (store?.redis) this.shared = new SharedCalls(store, { maxValueBytes, lockTtlMs: settings.deadlineMs ?? 8_000 });
  }

  /**
   * The space's limiter as every upstream attempt meets it: per-agent round robin (FairQueue) in front of the shared
   * Redis budget when there is one, else in front of this instance's own limiter.
   */
  spaceLimiter(spaceId: string): UpstreamLimiter {
    let entry = this.fairQueues.get(spaceId);
    if (!entry) {
      const local = this.limiterFor(spaceId);
      const link = this.store?.redis;
      const holdMs = (this.settings.attemptTimeoutMs ?? 3_000) + 1_000;
      const source = link
        ? new SharedRateLimiter({ link, spaceId, rate: this.settings.rateLimitPerSecond, local, holdMs })
        : local;
      entry = { fair: new FairQueue(source, this.settings.rateLimitPerSecond * 10), source };
      this.fairQueues.set(spaceId, entry);
    }
    return asUpstreamLimiter(entry.fair, entry.source);
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
    options: { refresh?: boolean; signal?: AbortSignal; ttlMs?: number },
    call: () => Promise<UpstreamAnswer<T>>,
  ): Promise<CachedAnswer<T>> {
    const key = buildCacheKey(parts);
    if (!options.refresh) {
      const hit = this.cache.get<T>(key) ?? (await this.sharedHit<T>(key));
      if (hit) return { ...hit, cache: "HIT" };
    }
    const ttlMs = options.ttlMs ?? ttlForResource(parts.resource, this.settings);
    const answer = await this.coalescer.run(
      key,
      async () => {
        // A refresh makes its own call (it wants an answer newer than any in flight) and refills both caches.
        const shared = this.shared;
        const fresh = !shared
          ? await call()
          : options.refresh
            ? await this.callAndShare(shared, key, ttlMs, call)
            : await shared.once(key, ttlMs, call);
        this.cache.set(key, fresh.value, { ttlMs, requestId: fresh.requestId, size: fresh.size });
        return fresh;
      },
      { fresh: options.refresh, signal: options.signal },
    );
    return { value: answer.value, requestId: answer.requestId, cache: options.refresh ? "BYPASS" : "MISS" };
  }

  /** Another instance's cached answer, copied into this instance's cache for the rest of its TTL. */
  private async sharedHit<T>(key: string): Promise<{ value: T; requestId?: string } | undefined> {
    const hit = await this.shared?.get<T>(key);
    if (!hit) return undefined;
    this.cache.set(key, hit.value, { ttlMs: hit.ttlMs, requestId: hit.requestId });
    return { value: hit.value, requestId: hit.requestId };
  }

  private async callAndShare<T>(
    shared: SharedCalls,
    key: string,
    ttlMs: number,
    call: () => Promise<UpstreamAnswer<T>>,
  ) {
    const fresh = await call();
    await shared.set(key, fresh, ttlMs);
    return fresh;
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
export function asUpstreamLimiter(
  limiter: Pick<RateLimiter, "acquire">,
  slowedBy: Pick<RateLimiter, "onRateLimited"> = limiter as RateLimiter,
): UpstreamLimiter {
  return {
    acquire: (deadlineAt, signal) =>
      limiter.acquire(deadlineAt, signal).catch((error: unknown) => {
        if (!(error instanceof RateLimitedError)) throw error;
        throw profileApiError("rate_limited", { retryAfterSeconds: error.retryAfterSeconds });
      }),
    onRateLimited: (retryAfterMs) => slowedBy.onRateLimited(retryAfterMs),
  };
}
