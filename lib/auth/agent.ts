import "server-only";
import { decode } from "next-auth/jwt";
import { getConfig } from "@/lib/config";
import { SESSION_COOKIE_NAME } from "./cookies";
import type { Agent } from "./agent-claims";
import { readBearerToken, verifyEmbedToken } from "./embed-token";

// The Agent type lives with its token claims (agent-claims.ts), which embed-token.ts also uses: no import cycle.
export type { Agent, AgentSource } from "./agent-claims";

type CookieReader = (name: string) => string | undefined;

/** next-auth splits large session tokens into `<name>.0`, `<name>.1`, …; this puts them back together. */
function readSessionToken(read: CookieReader): string | undefined {
  const whole = read(SESSION_COOKIE_NAME);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; i < 16; i += 1) {
    const chunk = read(`${SESSION_COOKIE_NAME}.${i}`);
    if (chunk === undefined) break;
    chunks.push(chunk);
  }
  return chunks.length ? chunks.join("") : undefined;
}

/** The agent of a next-auth session cookie, or null when it is missing, forged or expired. */
export async function readAgentFromCookies(read: CookieReader): Promise<Agent | null> {
  const token = readSessionToken(read);
  if (!token) return null;
  try {
    const jwt = await decode({ token, secret: getConfig().AUTH_SECRET });
    if (!jwt || typeof jwt.name !== "string" || !jwt.name) return null;
    return {
      name: jwt.name,
      ...(typeof jwt.email === "string" && jwt.email ? { email: jwt.email } : {}),
      source: jwt.source ?? "standalone",
    };
  } catch {
    // A token we cannot decrypt (old secret, tampered) is simply no session.
    return null;
  }
}

function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || cookies.has(name)) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

/**
 * Who is calling a BFF route: the embedded sidebar's short-lived `Authorization: Bearer` embed token (cookies can be
 * blocked inside third-party iframes), else the next-auth session cookie. A bearer header that does not verify is a
 * refusal, not a fall-back to the cookie: a stale token must make the page ask the host for a fresh one.
 */
export async function authenticateRequest(request: Request): Promise<Agent | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = readBearerToken(authorization);
    return token ? verifyEmbedToken(token, getConfig().AUTH_SECRET) : null;
  }
  const cookies = parseCookieHeader(request.headers.get("cookie"));
  return readAgentFromCookies((name) => cookies.get(name));
}
