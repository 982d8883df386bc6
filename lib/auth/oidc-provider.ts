import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { AppConfig } from "@/lib/config";

type OidcProfile = { sub: string; name?: string; email?: string; email_verified?: boolean; preferred_username?: string };

/**
 * The generic OpenID Connect sign-in (Okta, Entra ID, Google Workspace, ...): discovery from OIDC_ISSUER, code flow with
 * PKCE and state, ID token checked by openid-client inside next-auth. The agent's name is the IdP's `name` (else the
 * username or e-mail); the session never stores the IdP's tokens.
 */
export function createOidcProvider(config: AppConfig): OAuthConfig<OidcProfile> {
  return {
    id: "oidc",
    name: "your identity provider",
    type: "oauth",
    wellKnown: `${String(config.OIDC_ISSUER).replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile) {
      return {
        id: profile.sub,
        name: profile.name ?? profile.preferred_username ?? profile.email ?? profile.sub,
        email: profile.email ?? null,
        source: "standalone",
      };
    },
  };
}

/** True when no domain list is configured, or the e-mail's domain (case-insensitive, exact) is on it. */
export function isAllowedEmail(email: string | null | undefined, domains: readonly string[]): boolean {
  if (domains.length === 0) return true;
  const at = (email ?? "").lastIndexOf("@");
  if (at < 1) return false;
  const domain = (email ?? "").slice(at + 1).toLowerCase();
  return domains.some((d) => d.toLowerCase() === domain);
}
