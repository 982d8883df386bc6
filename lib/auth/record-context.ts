import "server-only";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { Agent } from "./agent";
import { derivedKey } from "./derived-key";
import type { HandoffHost } from "./handoff-code";
import { SESSION_MAX_AGE_SECONDS } from "./session-max-age";

/**
 * The host record's customer identifier, sealed for the sidebar URL (`?ctx=`): POST /embed/salesforce picks the
 * identifier from the signed request and must tell the sidebar page which customer to show, but a customer's e-mail in
 * a URL lands in browser history and proxy access logs. So the URL carries this instead: an encrypted JWT (dir +
 * A256GCM, key derived from AUTH_SECRET with HKDF under its own label, so it is never confused with a hand-off code, an
 * embed token or a session) holding the identifier, bound to the host (audience) and to the agent it was issued for
 * (subject), and expiring with the session a reload of the frame relies on (SESSION_MAX_AGE_SECONDS): a reload inside
 * the iframe keeps showing the record's customer as long as the session lasts, and never to another agent.
 */
export const RECORD_CONTEXT_TTL_SECONDS = SESSION_MAX_AGE_SECONDS;
const ISSUER = "profile-sidebar";

const deriveKey = (secret: string) => derivedKey(secret, "embed-record-context-v1");

/** Who the context is for: the agent as the session and the embed token know them. */
function agentSubject(agent: Agent): string {
  return JSON.stringify([agent.source, agent.name, agent.email ?? ""]);
}

export async function sealRecordContext(
  identifier: string,
  agent: Agent,
  host: HandoffHost,
  secret: string,
  ttlSeconds = RECORD_CONTEXT_TTL_SECONDS,
): Promise<string> {
  return new EncryptJWT({ rid: identifier })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuer(ISSUER)
    .setAudience(`ctx:${host}`)
    .setSubject(agentSubject(agent))
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + Math.min(ttlSeconds, RECORD_CONTEXT_TTL_SECONDS))
    .encrypt(deriveKey(secret));
}

/**
 * The identifier sealed in `ctx` for this agent on this host, or null: malformed, forged (another key), expired,
 * issued for the other host or for another agent.
 */
export async function openRecordContext(
  ctx: string,
  agent: Agent,
  host: HandoffHost,
  secret: string,
): Promise<string | null> {
  if (!ctx || ctx.length > 4096) return null;
  try {
    const { payload } = await jwtDecrypt(ctx, deriveKey(secret), {
      issuer: ISSUER,
      audience: `ctx:${host}`,
      subject: agentSubject(agent),
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      requiredClaims: ["exp", "sub"],
      clockTolerance: 0,
    });
    return typeof payload.rid === "string" && payload.rid ? payload.rid : null;
  } catch {
    return null;
  }
}
