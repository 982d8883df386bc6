import "server-only";
import { createHash } from "node:crypto";
import { getConfig } from "@/lib/config";
import { MemoryKeys } from "./memory-store";
import { RedisLink } from "./redis-link";

/**
 * What every instance must agree on (DESIGN §9): "used once" marks (hand-off codes), revocations (embed tokens at
 * sign-out), and the small primitives the performance layer builds on (shared cache entries, short locks). Backed by
 * Redis when REDIS_URL is set; by this instance's memory otherwise, and while Redis is away. Marks and revocations are
 * written to memory too, so an instance keeps honouring what it saw even across a Redis restart that lost them.
 * Key names hash whatever they are built from: no identifier, code or token ever appears in Redis' key space.
 */

export type SharedStatus = "ok" | "degraded" | "off";

const PREFIX = "ps:";
const hashed = (namespace: string, key: string) =>
  `${PREFIX}${namespace}:${createHash("sha256").update(key).digest("base64url")}`;

export class SharedStore {
  private readonly marks = new MemoryKeys();
  private readonly revoked = new MemoryKeys();

  constructor(readonly redis?: RedisLink) {}

  status(): SharedStatus {
    return this.redis ? this.redis.status() : "off";
  }

  /** Checks Redis now (a bounded PING) and reports; `off` without REDIS_URL. */
  async health(): Promise<SharedStatus> {
    return this.redis ? this.redis.ping() : "off";
  }

  /**
   * True the first time `key` is marked within `ttlMs`, on any instance; false after. While Redis is away only this
   * instance's marks count (README: what happens when Redis is down).
   */
  async markOnce(key: string, ttlMs: number): Promise<boolean> {
    const until = Date.now() + ttlMs;
    if (!this.marks.add(key, until)) return false;
    const set = await this.redis?.run((c) => c.set(hashed("once", key), "1", "PX", Math.max(1, ttlMs), "NX"));
    return set !== null;
  }

  /** Revokes `id` until `untilMs` (epoch ms) on every instance. */
  async revoke(id: string, untilMs: number): Promise<void> {
    this.revoked.put(id, untilMs);
    const ttlMs = Math.max(1, Math.ceil(untilMs - Date.now()));
    await this.redis?.run((c) => c.set(hashed("revoked", id), "1", "PX", ttlMs));
  }

  async isRevoked(id: string): Promise<boolean> {
    if (this.revoked.has(id)) return true;
    const found = await this.redis?.run((c) => c.exists(hashed("revoked", id)));
    return found === 1;
  }

  /** A shared value, or undefined (absent, expired, or Redis away). */
  async getValue(namespace: string, key: string): Promise<string | undefined> {
    const value = await this.redis?.run((c) => c.get(hashed(namespace, key)));
    return value ?? undefined;
  }

  async setValue(namespace: string, key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis?.run((c) => c.set(hashed(namespace, key), value, "PX", Math.max(1, ttlMs)));
  }

  /**
   * A short lock for one instance: true when this caller got it, also without Redis or while it is away (nobody else
   * to wait for). A failed call while Redis is still up counts as not got: the caller waits and asks again.
   */
  async tryLock(namespace: string, key: string, ttlMs: number): Promise<boolean> {
    if (!this.redis) return true;
    const set = await this.redis.run((c) =>
      c.set(hashed(`lock:${namespace}`, key), "1", "PX", Math.max(1, ttlMs), "NX"),
    );
    if (set === undefined) return this.redis.status() === "degraded";
    return set !== null;
  }

  async unlock(namespace: string, key: string): Promise<void> {
    await this.redis?.run((c) => c.del(hashed(`lock:${namespace}`, key)));
  }

  async isLocked(namespace: string, key: string): Promise<boolean> {
    const found = await this.redis?.run((c) => c.exists(hashed(`lock:${namespace}`, key)));
    return found === 1;
  }
}

// One per process, kept on globalThis so Next's module reloads in dev do not open a new connection each time.
const globalKey = Symbol.for("profile-sidebar.shared-store");
type GlobalWithStore = typeof globalThis & { [globalKey]?: SharedStore };

/** The process-wide store, from getConfig(): Redis-backed when REDIS_URL is set. */
export function getSharedStore(): SharedStore {
  const g = globalThis as GlobalWithStore;
  if (!g[globalKey]) {
    const config = getConfig();
    const link = config.REDIS_URL
      ? new RedisLink({ url: config.REDIS_URL, commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS })
      : undefined;
    g[globalKey] = new SharedStore(link);
  }
  return g[globalKey];
}
