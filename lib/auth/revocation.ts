import "server-only";
import { getSharedStore } from "@/lib/shared-store/shared-store";

/**
 * Ids of tokens that must no longer be accepted: sessions signed out (their `sid`, which the embed tokens minted from
 * them carry too) and host assertions already used once. Each entry lives as long as the token it names would have.
 *
 * Backed by the shared store (lib/shared-store): Redis when REDIS_URL is set, so a sign-out or a used assertion counts
 * on every instance; this instance's bounded memory otherwise, and while Redis is away.
 */

/** The revocation id of a signed-in session (its `sid`), shared by the embed tokens minted from it. */
export function sessionRevocationId(sessionId: string): string {
  return `session:${sessionId}`;
}

/** The in-memory fallback's bound (lib/shared-store/memory-store.ts): expired entries go first, then the oldest. */
export const MAX_REVOKED_ENTRIES = 100_000;

/** From now until `untilMs` (epoch ms, when the token expires anyway), `id` is refused. */
export async function revoke(id: string, untilMs: number): Promise<void> {
  if (untilMs <= Date.now()) return;
  await getSharedStore().revoke(id, untilMs);
}

export function isRevoked(id: string): Promise<boolean> {
  return getSharedStore().isRevoked(id);
}

/** Single use: true the first time `id` is claimed before `untilMs`, false on every later claim (a replay). */
export function claimOnce(id: string, untilMs: number): Promise<boolean> {
  return getSharedStore().markOnce(`claim:${id}`, Math.max(1, untilMs - Date.now()));
}
