import "server-only";
import { randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { Agent } from "./agent";
import { agentClaims, agentFromClaims } from "./agent-claims";
import { derivedKey } from "./derived-key";

/**
 * The one-time hand-off code of a host sign-in (an authorization-code style hand-off): POST /embed/{zendesk,salesforce}
 * verifies the host's assertion and adds this code to the 303 Location, so the sidebar page can learn who the agent is
 * in a browser that keeps no cookies for the app at all (not even Partitioned ones). The embed token itself never goes
 * into a URL (EMBEDDING.md); the code is only good for minting one, once, within a minute, on the sidebar of the host
 * that issued it.
 *
 * Opaque to the browser: an encrypted JWT (dir + A256GCM, key derived from AUTH_SECRET with HKDF under its own label, so
 * it can never be confused with a session or an embed token) carrying the agent, the host (audience), a jti and a 60 s
 * expiry. "Once" is enforced by an in-memory set of redeemed jtis, i.e. per server instance: behind N instances without
 * sticky routing a code could be redeemed once on each of them within its minute (README, "Sign-in and embedding").
 */
export const HANDOFF_CODE_TTL_SECONDS = 60;
export type HandoffHost = "zendesk" | "salesforce";

const ISSUER = "profile-sidebar";
/** Bounds the redeemed-jti set even under a flood of valid codes; entries leave it when their code expires. */
const MAX_REDEEMED = 100_000;

const deriveKey = (secret: string) => derivedKey(secret, "embed-handoff-code-v1");

/** jti → expiry (ms). A code whose jti is here has been used. */
const redeemed = new Map<string, number>();

function forgetExpired(now: number): void {
  for (const [jti, exp] of redeemed) if (exp <= now) redeemed.delete(jti);
}

export async function mintHandoffCode(
  agent: Agent,
  host: HandoffHost,
  secret: string,
  ttlSeconds = HANDOFF_CODE_TTL_SECONDS,
): Promise<string> {
  return new EncryptJWT(agentClaims(agent))
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuer(ISSUER)
    .setAudience(`handoff:${host}`)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + Math.min(ttlSeconds, HANDOFF_CODE_TTL_SECONDS))
    .encrypt(deriveKey(secret));
}

/**
 * The agent of a code issued for `host`, consuming it; null when it is malformed, forged (another key), expired, for the
 * other host, or already used on this instance.
 */
export async function redeemHandoffCode(code: string, host: HandoffHost, secret: string): Promise<Agent | null> {
  if (!code || code.length > 4096) return null;
  try {
    const { payload } = await jwtDecrypt(code, deriveKey(secret), {
      issuer: ISSUER,
      audience: `handoff:${host}`,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      requiredClaims: ["exp", "jti"],
      clockTolerance: 0,
    });
    const { jti, exp } = payload;
    if (typeof jti !== "string" || typeof exp !== "number") return null;
    const now = Date.now();
    forgetExpired(now);
    if (redeemed.has(jti) || redeemed.size >= MAX_REDEEMED) return null;
    redeemed.set(jti, exp * 1000);
    return agentFromClaims(payload);
  } catch {
    return null;
  }
}
