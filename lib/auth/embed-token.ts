import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import type { Agent, AgentSource } from "./agent";

/**
 * The embedded sidebar's bearer token (EMBEDDING.md): minutes-long, HS256, audience "embed", signed with a key derived
 * from AUTH_SECRET (HKDF, so it can never be confused with a next-auth session token). Rendered into the embed page and
 * kept in memory only; it works where the browser blocks the session cookie inside a third-party frame.
 */
export const EMBED_TOKEN_TTL_SECONDS = 10 * 60;
const AUDIENCE = "embed";
const ISSUER = "profile-sidebar";
const SOURCES: readonly AgentSource[] = ["standalone", "zendesk", "salesforce"];

function deriveKey(secret: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", secret, "profile-sidebar", "embed-token-v1", 32));
}

export async function mintEmbedToken(agent: Agent, secret: string, ttlSeconds = EMBED_TOKEN_TTL_SECONDS): Promise<string> {
  return new SignJWT({ name: agent.name, src: agent.source, ...(agent.email ? { email: agent.email } : {}) })
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
    const { name, src, email } = payload;
    if (typeof name !== "string" || !name || typeof src !== "string") return null;
    const source = SOURCES.find((s) => s === src);
    if (!source) return null;
    return { name, source, ...(typeof email === "string" && email ? { email } : {}) };
  } catch {
    return null;
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function readBearerToken(header: string | null): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/.exec(header ?? "");
  return match?.[1] ?? null;
}
