import "server-only";
import type { SharedStore } from "@/lib/shared-store/shared-store";
import type { UpstreamAnswer } from "./cached-call";

/**
 * The response cache and in-flight coalescing across instances (DESIGN §9), on top of each instance's own cache and
 * coalescer. A miss takes a short Redis lock (SET NX PX) for its cache key: the instance holding it makes the one
 * upstream call and stores the answer; the others poll the shared cache until the answer is there or the lock is gone
 * (the holder failed or died: then they call themselves), never past the call's deadline. Errors are not shared
 * across instances (each instance's own coalescer still shares them among its callers). Entries keep the same TTLs and
 * keys as the local cache (hashed in Redis), so two spaces never share one; values above `maxValueBytes` stay local.
 */

type Stored<T> = { value: T; requestId?: string; expiresAt: number };

const NAMESPACE = "cache";
const POLL_MS = 15;

export class SharedCalls {
  constructor(
    private readonly store: SharedStore,
    private readonly options: { maxValueBytes: number; lockTtlMs: number },
  ) {}

  async get<T>(key: string): Promise<{ value: T; requestId?: string; ttlMs: number } | undefined> {
    const text = await this.store.getValue(NAMESPACE, key);
    if (text === undefined) return undefined;
    try {
      const stored = JSON.parse(text) as Stored<T>;
      const ttlMs = stored.expiresAt - Date.now();
      return ttlMs > 0 ? { value: stored.value, requestId: stored.requestId, ttlMs } : undefined;
    } catch {
      return undefined; // not ours or cut short: treated as a miss
    }
  }

  async set(key: string, answer: UpstreamAnswer<unknown>, ttlMs: number): Promise<void> {
    if (ttlMs <= 0 || (answer.size ?? 0) > this.options.maxValueBytes) return;
    const text = JSON.stringify({ value: answer.value, requestId: answer.requestId, expiresAt: Date.now() + ttlMs });
    if (text.length > this.options.maxValueBytes) return;
    await this.store.setValue(NAMESPACE, key, text, ttlMs);
  }

  /**
   * One upstream call per key at a time across instances. `fromOthers` is true when the answer came from another
   * instance's call. Without Redis (or while it is away) the lock is always ours: plain per-instance behaviour.
   */
  async once<T>(
    key: string,
    ttlMs: number,
    call: () => Promise<UpstreamAnswer<T>>,
  ): Promise<UpstreamAnswer<T> & { fromOthers?: boolean }> {
    const waitUntil = Date.now() + this.options.lockTtlMs;
    for (let polls = 0; Date.now() < waitUntil && polls < 10_000; polls++) {
      if (await this.store.tryLock(NAMESPACE, key, this.options.lockTtlMs)) {
        // The previous holder may have stored its answer and let go between our cache miss and this lock.
        const late = await this.get<T>(key);
        if (!late) return this.callAndShare(key, ttlMs, call);
        await this.store.unlock(NAMESPACE, key);
        return { value: late.value, requestId: late.requestId, fromOthers: true };
      }
      // Another instance is calling: its answer lands in the shared cache.
      const shared = await this.waitForOthers<T>(key, waitUntil);
      if (shared) return { ...shared, fromOthers: true };
    }
    return call();
  }

  private async callAndShare<T>(
    key: string,
    ttlMs: number,
    call: () => Promise<UpstreamAnswer<T>>,
  ): Promise<UpstreamAnswer<T>> {
    try {
      const answer = await call();
      await this.set(key, answer, ttlMs);
      return answer;
    } finally {
      await this.store.unlock(NAMESPACE, key);
    }
  }

  /** The other instance's answer once it is cached; undefined when its lock went away without one (or time is up). */
  private async waitForOthers<T>(key: string, waitUntil: number): Promise<UpstreamAnswer<T> | undefined> {
    for (let polls = 0; Date.now() < waitUntil && polls < 10_000; polls++) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const hit = await this.get<T>(key);
      if (hit) return { value: hit.value, requestId: hit.requestId };
      if (!(await this.store.isLocked(NAMESPACE, key))) {
        // Gone: stored and released just now, or failed. One more look tells which.
        const last = await this.get<T>(key);
        return last ? { value: last.value, requestId: last.requestId } : undefined;
      }
    }
    return undefined;
  }
}
