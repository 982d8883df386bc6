import "server-only";
import { jwtVerify, SignJWT } from "jose";
import { agentClaims, agentFromClaims, type Agent } from "./agent-claims";
import { derivedKey } from "./derived-key";

/**
 * The embedded sidebar's bearer token (EMBEDDING.md): minutes-long, HS256, audience "embed", signed with a key derived
 * from AUTH_SECRET (HKDF, so it can never be confused with a next-auth session token). Rendered into the embed page and
 * kept in memory only; it works where the browser blocks the session cookie inside a third-party frame.
 */
export const EMBED_TOKEN_TTL_SECONDS = 10 * 60;
const AUDIENCE = "embed";
const ISSUER = "profile-sidebar";

const deriveKey = (secret: string) => derivedKey(secret, "embed-token-v1");

export async function mintEmbedToken(
  agent: Agent,
  secret: string,
  ttlSeconds = EMBED_TOKEN_TTL_SECONDS,
): Promise<string> {
  return new SignJWT(agentClaims(agent))
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(deriveKey(secret));
}

/** The agent of a valid embed token, or null (expired, forged, wrong audience, another algorithm). */
export async function verifyEmbedToken(token: string, secret: string): Promise<Agent | null> {
  try {
    const { payload } = await jwtVerify(token, deriveKey(secret), {
      algorithms: ["HS256"],
      audience: AUDIENCE,
      issuer: ISSUER,
      requiredClaims: ["exp"],
    });
    return agentFromClaims(payload);
  } catch {
    return null;
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function readBearerToken(header: string | null): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/.exec(header ?? "");
  return match?.[1] ?? null;
}
