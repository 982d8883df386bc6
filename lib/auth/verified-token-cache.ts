import "server-only";
import { createHash } from "node:crypto";
import type { Agent } from "./agent-claims";

/** What a token says once its signature or encryption has been checked. */
export type VerifiedSession = {
  agent: Agent;
  /** The token's `exp`, in seconds since the epoch. */
  expiresAt?: number;
  /** The token's id (next-auth and embed tokens carry one): what a revocation list would name. */
  jti?: string;
};

/** Long enough to spare the crypto on an agent's bursts (a panel opens with six calls), short against a rotated secret. */
export const VERIFIED_TOKEN_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Entry = { session: VerifiedSession; until: number };
const entries = new Map<string, Entry>();

// A hash, not the token itself, is the key: no bearer secret kept around as a map key, and a fixed-size key.
function keyOf(kind: string, token: string): string {
  return createHash("sha256").update(kind).update("\u0000").update(token).digest("base64url");
}

/**
 * `verify(token)` at most once per token every few seconds. Only successes are kept, never past the token's own
 * expiry, in a bounded map (oldest first out). Checks that can change while a token is valid (expiry, revocation) are
 * NOT cached: the caller runs them on every request (lib/auth/agent.ts, `acceptVerifiedSession`).
 */
export async function verifyTokenOnce(
  kind: string,
  token: string,
  verify: (token: string) => Promise<VerifiedSession | null>,
): Promise<VerifiedSession | null> {
  const key = keyOf(kind, token);
  const now = Date.now();
  const cached = entries.get(key);
  if (cached && cached.until > now) return cached.session;
  if (cached) entries.delete(key);
  const session = await verify(token);
  if (!session) return null;
  const until = Math.min(
    now + VERIFIED_TOKEN_TTL_MS,
    session.expiresAt !== undefined ? session.expiresAt * 1000 : Infinity,
  );
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { session, until });
  return session;
}
