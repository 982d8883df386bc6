import "server-only";

/**
 * This instance's own expiring keys: the whole store without Redis, and the fallback while Redis is away. Bounded in
 * count; expired entries go first, then the oldest (a Map keeps insertion order).
 */
export class MemoryKeys {
  private readonly entries = new Map<string, number>();

  constructor(private readonly maxEntries = 100_000) {}

  has(key: string, now = Date.now()): boolean {
    const until = this.entries.get(key);
    if (until === undefined) return false;
    if (until > now) return true;
    this.entries.delete(key);
    return false;
  }

  /** Adds `key` until `untilMs` (epoch ms); false when it was already there. */
  add(key: string, untilMs: number, now = Date.now()): boolean {
    if (this.has(key, now)) return false;
    if (this.entries.size >= this.maxEntries) this.makeRoom(now);
    this.entries.set(key, untilMs);
    return true;
  }

  /** Sets `key` until `untilMs`, keeping the later expiry when it is already there. */
  put(key: string, untilMs: number): void {
    const old = this.entries.get(key) ?? 0;
    if (this.entries.size >= this.maxEntries && old === 0) this.makeRoom(Date.now());
    this.entries.set(key, Math.max(old, untilMs));
  }

  private makeRoom(now: number): void {
    for (const [key, until] of this.entries) if (until <= now) this.entries.delete(key);
    const oldest = this.entries.keys().next();
    if (this.entries.size >= this.maxEntries && !oldest.done) this.entries.delete(oldest.value);
  }
}
