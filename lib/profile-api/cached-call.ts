import "server-only";
import { buildCacheKey, ResponseCache, ttlForResource, type CacheKeyParts, type CacheTtls } from "./cache";
import { Coalescer } from "./coalesce";
import { RateLimiter } from "./rate-limiter";

/**
 * The performance layer in front of the client's one funnel: cache → coalescing → (the
 * funnel's retry loop, which asks the space's limiter before every attempt). One instance per
 * process (kept on globalThis so Next's module reloads in dev do not multiply limiters).
 */

export type CacheStatus = "HIT" | "MISS" | "BYPASS";

/** What one upstream call produced: the parsed body, its Request-Id and serialized length. */
export type UpstreamAnswer<T> = { value: T; requestId?: string; size?: number };
export type CachedAnswer<T> = { value: T; requestId?: string; cache: CacheStatus };

export type PerformanceSettings = CacheTtls & { CACHE_MAX_BYTES: number; PROFILE_API_RATE_LIMIT: number };

export class PerformanceLayer {
  readonly cache: ResponseCache;
  readonly coalescer = new Coalescer();
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(private readonly settings: PerformanceSettings) {
    this.cache = new ResponseCache({ maxBytes: settings.CACHE_MAX_BYTES });
  }

  /** The limiter of one space: every upstream attempt toward that space passes through it. */
  limiterFor(spaceId: string): RateLimiter {
    let limiter = this.limiters.get(spaceId);
    if (!limiter) {
      limiter = new RateLimiter({ rate: this.settings.PROFILE_API_RATE_LIMIT });
      this.limiters.set(spaceId, limiter);
    }
    return limiter;
  }

  /**
   * Serves from the cache when it can; otherwise runs `call` once for all identical concurrent
   * callers and stores a success. `refresh` skips the cache and older in-flight calls, and its
   * answer refills the cache. Errors are shared by the callers waiting on them, never stored.
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
}

const globalKey = Symbol.for("profile-sidebar.performance-layer");
type GlobalWithLayer = typeof globalThis & { [globalKey]?: PerformanceLayer };

/** The process-wide layer, built from the validated configuration on first use. */
export function getPerformanceLayer(settings: PerformanceSettings): PerformanceLayer {
  const g = globalThis as GlobalWithLayer;
  g[globalKey] ??= new PerformanceLayer(settings);
  return g[globalKey];
}
