import "server-only";
import { randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { Agent } from "./agent";
import { agentClaims, agentFromClaims } from "./agent-claims";
import { getSharedStore, type SharedStore } from "@/lib/shared-store/shared-store";
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
 * expiry. "Once" is enforced by the shared store (DESIGN §9): across every instance when REDIS_URL is set, per instance
 * without it or while Redis is away (README, "Several instances").
 */
export const HANDOFF_CODE_TTL_SECONDS = 60;
export type HandoffHost = "zendesk" | "salesforce";

const ISSUER = "profile-sidebar";

const deriveKey = (secret: string) => derivedKey(secret, "embed-handoff-code-v1");

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
 * other host, or already used (on any instance sharing the store).
 */
export async function redeemHandoffCode(
  code: string,
  host: HandoffHost,
  secret: string,
  store: SharedStore = getSharedStore(),
): Promise<Agent | null> {
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
    // Marked until the code expires (plus a second of clock slack): after that jwtDecrypt refuses it anyway.
    if (!(await store.markOnce(`handoff:${jti}`, exp * 1000 - Date.now() + 1_000))) return null;
    return agentFromClaims(payload);
  } catch {
    return null;
  }
}
