import "server-only";

/**
 * Ids of tokens that must no longer be accepted: sessions signed out (their `jti`, which the embed tokens minted from
 * them carry too) and host assertions already used once. Each entry lives as long as the token it names would have.
 *
 * This is the in-memory store: per server instance, bounded. Behind several instances the same three calls are to be
 * backed by the shared store (Redis: `SET revoked:<id> 1 PX <ttl>` / `EXISTS` / `SET … NX PX`) when REDIS_URL is set;
 * callers only see this async interface, so that swap touches this file alone.
 */

/** The revocation id of a signed-in session (its `sid`), shared by the embed tokens minted from it. */
export function sessionRevocationId(sessionId: string): string {
  return `session:${sessionId}`;
}

/** Bounds memory under a flood: expired entries go first, then the oldest (a signed-out session then ages out early). */
export const MAX_REVOKED_ENTRIES = 100_000;

type Store = Map<string, number>;

// On globalThis: Next.js bundles route handlers and pages separately, each with its own copy of this module, and a
// sign-out in one must be seen by all.
const storeKey = Symbol.for("profile-sidebar.revocations");
type GlobalWithStore = typeof globalThis & { [storeKey]?: Store };

function store(): Store {
  const g = globalThis as GlobalWithStore;
  g[storeKey] ??= new Map();
  return g[storeKey];
}

function makeRoom(entries: Store, now: number): void {
  if (entries.size < MAX_REVOKED_ENTRIES) return;
  for (const [id, until] of entries) if (until <= now) entries.delete(id);
  while (entries.size >= MAX_REVOKED_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

/** From now until `untilMs` (epoch ms, when the token expires anyway), `id` is refused. */
export function revoke(id: string, untilMs: number): Promise<void> {
  const now = Date.now();
  if (untilMs <= now) return Promise.resolve();
  const entries = store();
  makeRoom(entries, now);
  entries.set(id, Math.max(untilMs, entries.get(id) ?? 0));
  return Promise.resolve();
}

export function isRevoked(id: string): Promise<boolean> {
  const until = store().get(id);
  if (until === undefined) return Promise.resolve(false);
  if (until > Date.now()) return Promise.resolve(true);
  store().delete(id);
  return Promise.resolve(false);
}

/**
 * Single use: true the first time `id` is claimed before `untilMs`, false on every later claim (a replay). Check and
 * mark happen in one step (no await in between), as `SET NX` does in the shared store.
 */
export function claimOnce(id: string, untilMs: number): Promise<boolean> {
  const now = Date.now();
  const entries = store();
  const until = entries.get(id);
  if (until !== undefined && until > now) return Promise.resolve(false);
  makeRoom(entries, now);
  entries.set(id, Math.max(untilMs, now + 1));
  return Promise.resolve(true);
}
