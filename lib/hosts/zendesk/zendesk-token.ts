import "server-only";
import { errors, importSPKI, jwtVerify, type JWTPayload } from "jose";
import type { Agent } from "@/lib/auth/agent";

export type ZendeskSettings = {
  /** The app installation's public key (PEM, SPKI) Zendesk shows once the app is installed. */
  publicKeyPem: string;
  /** The `aud` Zendesk puts in the token for this installation. */
  audience: string;
  /**
   * Zendesk subdomains allowed to sign in (ZENDESK_ALLOWED_SUBDOMAINS), checked against `iss`. Empty = `iss` must be
   * present but its form is not checked: EMBEDDING.md marks everything beyond the claim names as unverified, and the
   * audience (ZENDESK_APP_AUDIENCE) plus the installation's key are what identify the account and app installation.
   */
  allowedSubdomains: readonly string[];
};

/** `subdomain`: the account `iss` names (`acme.zendesk.com` → `acme`), or null when it names none (no allowlist only). */
export type ZendeskVerification = { ok: true; agent: Agent; subdomain: string | null } | { ok: false; reason: string };

const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * The Zendesk account of an `iss` claim. Zendesk's signed-URL tokens name the account's host (`acme.zendesk.com`);
 * a full URL (`https://acme.zendesk.com`) is accepted too. Anything else is not a Zendesk issuer.
 */
export function subdomainOfIssuer(iss: string | undefined): string | null {
  const host = (iss ?? "")
    .replace(/^https:\/\//, "")
    .replace(/\/$/, "")
    .toLowerCase();
  const match = /^([a-z0-9][a-z0-9-]{0,62})\.zendesk\.com$/.exec(host);
  return match?.[1] ?? null;
}

function agentOf(payload: JWTPayload): Agent | null {
  const claims = payload as JWTPayload & { name?: unknown; email?: unknown };
  const rawName = typeof claims.name === "string" && claims.name.trim() ? claims.name : payload.sub;
  const name = (rawName ?? "").trim().slice(0, 80);
  if (!name || /[\p{Cc}\u2028\u2029]/u.test(name)) return null;
  const email = typeof claims.email === "string" && claims.email.includes("@") ? claims.email : undefined;
  return { name, source: "zendesk", ...(email ? { email } : {}) };
}

/**
 * Verifies a Zendesk signed-URL token: RS256 only (no `none`, no HS256 keyed with the public key), signature against
 * the configured public key, `aud` equal to the configured audience, `exp`, `iss` and `sub` present, `exp` not passed;
 * with an allowlist, `iss` must name a Zendesk account on it (without one, any `iss`). The reason is for the server log, never for the browser.
 */
export async function verifyZendeskToken(token: string, settings: ZendeskSettings): Promise<ZendeskVerification> {
  let key: CryptoKey;
  try {
    key = await importSPKI(settings.publicKeyPem, "RS256");
  } catch {
    return { ok: false, reason: "ZENDESK_APP_PUBLIC_KEY is not an RSA public key (PEM)" };
  }
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["RS256"],
      audience: settings.audience,
      requiredClaims: ["exp", "iss", "sub"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const subdomain = subdomainOfIssuer(payload.iss);
    const allowed = settings.allowedSubdomains.map((s) => s.toLowerCase());
    if (allowed.length) {
      if (!subdomain) return { ok: false, reason: "iss is not a Zendesk account" };
      if (!allowed.includes(subdomain)) return { ok: false, reason: "Zendesk subdomain not allowed" };
    }
    const agent = agentOf(payload);
    if (!agent) return { ok: false, reason: "no usable agent name in the token" };
    return { ok: true, agent, subdomain };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JOSEError ? error.code : "malformed token" };
  }
}
