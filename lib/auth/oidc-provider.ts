import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { AppConfig } from "@/lib/config";
import { claimKeys, resolveRole } from "@/lib/governance/roles";

type OidcProfile = {
  sub: string;
  name?: string;
  email?: string;
  email_verified?: boolean | string;
  preferred_username?: string;
  /** The roles claim (OIDC_ROLES_CLAIM, `groups` by default) and whatever else the IdP sends. */
  [claim: string]: unknown;
};

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
        role: resolveRole(claimKeys(profile[config.OIDC_ROLES_CLAIM]), config.ROLE_MAP, config.HOST_DEFAULT_ROLE),
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

/**
 * The OIDC sign-in gate. Without OIDC_ALLOWED_EMAIL_DOMAINS anyone the identity provider vouches for gets in. With it,
 * the e-mail's domain must be listed AND the provider must not say the address is unverified: an IdP that lets users
 * type any e-mail (social or multi-tenant logins, self-service profiles) would otherwise let `mallory@our-domain`
 * through. `email_verified: false` (or the string "false", which some IdPs send) is refused. An absent claim is
 * accepted: OIDC Core makes `email_verified` optional and the enterprise IdPs this app is meant for (Entra ID, many Okta
 * and ADFS set-ups) do not send it for directory-managed addresses, which are verified by the administrator who created
 * them; refusing on absence would lock those deployments out. Deployments on an IdP where users control their own
 * e-mail should make the IdP send `email_verified`.
 */
export function isAllowedOidcProfile(
  profile: { email?: unknown; email_verified?: unknown } | undefined,
  domains: readonly string[],
): boolean {
  if (domains.length === 0) return true;
  const verified = profile?.email_verified;
  if (verified === false || (typeof verified === "string" && verified.trim().toLowerCase() === "false")) return false;
  return isAllowedEmail(typeof profile?.email === "string" ? profile.email : null, domains);
}
