import "server-only";

/**
 * The BFF's short-lived server cache of upstream answers (DESIGN §4). Bounded by size, not by
 * count: a few verbose trait pages can outweigh thousands of metadata answers. Least recently
 * used entries go first. Only successes are stored (callers never `set` an error), and the key
 * always starts with the space id, so two spaces never share an entry.
 */

export type CacheKeyParts = {
  spaceId: string;
  collection: string;
  identifier: { type: string; value: string };
  resource: string;
  /** The validated query only: the BFF never forwards anything else. */
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
};

/** One canonical string per request: query order and undefined values never change it. */
export function buildCacheKey(parts: CacheKeyParts): string {
  const query = Object.entries(parts.query ?? {})
    .filter(([, v]) => v !== undefined)
    // Lists become the comma-joined value the upstream receives: same upstream request, same key.
    .map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // JSON keeps every part unambiguous whatever characters the identifier value holds.
  return JSON.stringify([
    parts.spaceId,
    parts.collection,
    parts.identifier.type,
    parts.identifier.value,
    parts.resource,
    query,
  ]);
}

export type CacheTtls = { cacheTtlTraitsMs: number; cacheTtlEventsMs: number };

/** Events change while an agent watches; traits, ids, metadata and links change slowly. */
export function ttlForResource(resource: string, ttls: CacheTtls): number {
  return resource === "events" ? ttls.cacheTtlEventsMs : ttls.cacheTtlTraitsMs;
}

export type CachedValue<T> = { value: T; requestId?: string };
type Entry = { value: unknown; requestId?: string; size: number; expiresAt: number };

export type CacheStats = { bytes: number; entries: number; hits: number; misses: number; evictions: number };

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(options: { maxBytes: number; now?: () => number }) {
    this.maxBytes = options.maxBytes;
    this.now = options.now ?? Date.now;
  }

  get<T>(key: string): CachedValue<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= this.now()) {
      if (entry) this.remove(key, entry);
      this.misses++;
      return undefined;
    }
    // Re-inserting moves the entry to the most recently used end of the Map's order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    return { value: entry.value as T, requestId: entry.requestId };
  }

  /**
   * Stores a successful answer. `size` is the serialized body length when the caller has it
   * (the client does: it read the body as text); otherwise it is measured here.
   */
  set(key: string, value: unknown, options: { ttlMs: number; requestId?: string; size?: number }): void {
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    const size = (options.size ?? JSON.stringify(value)?.length ?? 0) + key.length;
    if (options.ttlMs <= 0 || size > this.maxBytes) return;
    this.entries.set(key, { value, requestId: options.requestId, size, expiresAt: this.now() + options.ttlMs });
    this.bytes += size;
    this.evictUntilWithinBudget();
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): CacheStats {
    return {
      bytes: this.bytes,
      entries: this.entries.size,
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
    };
  }

  private evictUntilWithinBudget(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) return;
      this.remove(key, entry);
      this.evictions++;
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}
