import "server-only";
import { randomUUID } from "node:crypto";
import type { AuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { Provider } from "next-auth/providers/index";
import { exportAuthEnvironment, getConfig } from "@/lib/config";
import { auditSignIn } from "@/lib/audit/sign-in";
import { isRole } from "@/lib/governance/roles";
import { isAgentSource } from "./agent-claims";
import { toSafeRedirect } from "./callback-url";
import { AUTH_COOKIES } from "./cookies";
import { createDemoProvider } from "./demo-provider";
import { revoke, sessionRevocationId } from "./revocation";
import { createOidcProvider, isAllowedEmail, isAllowedOidcProfile } from "./oidc-provider";
import { SESSION_MAX_AGE_SECONDS } from "./session-max-age";

export { SESSION_MAX_AGE_SECONDS } from "./session-max-age";

/** The sign-in methods this deployment offers; an OIDC provider is added here when configured. */
function buildProviders(): Provider[] {
  const config = getConfig();
  const providers: Provider[] = [];
  if (config.oidcEnabled) providers.push(createOidcProvider(config));
  if (config.DEMO_PASSWORD) providers.push(createDemoProvider(config.DEMO_PASSWORD, config.DEMO_ROLES));
  return providers;
}

let cached: AuthOptions | undefined;

/**
 * next-auth v4 options, built on first use from the validated configuration (never at build time, so one build
 * serves every deployment). JWT sessions: no database. The token carries name, e-mail and source only.
 */
export function getAuthOptions(): AuthOptions {
  if (cached) return cached;
  const config = getConfig();
  exportAuthEnvironment(config);
  cached = {
    secret: config.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    providers: buildProviders(),
    cookies: AUTH_COOKIES,
    useSecureCookies: true,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    // Every successful sign-in in the audit trail (refusals are recorded where they are decided).
    events: {
      signIn({ user, account }) {
        auditSignIn(
          "standalone",
          "ok",
          {
            name: user.name ?? undefined,
            email: user.email ?? undefined,
            role: isRole(user.role) ? user.role : undefined,
          },
          account?.provider,
        );
      },
      // Sign-out revokes the session for as long as its cookie would have lived: a copy of the cookie (or an embed
      // token minted from it) is refused from now on, not only the browser's own cookie cleared.
      async signOut(message) {
        // next-auth passes what it could decode of the cookie: nothing for a forged or expired one.
        const token = (message as { token?: JWT | null }).token;
        if (typeof token?.sid !== "string") return;
        const untilMs =
          (typeof token.exp === "number" ? token.exp : Date.now() / 1000 + SESSION_MAX_AGE_SECONDS) * 1000;
        await revoke(sessionRevocationId(token.sid), untilMs);
      },
    },
    callbacks: {
      // OIDC_ALLOWED_EMAIL_DOMAINS: an identity provider may vouch for people who must not get in (guests, contractors),
      // and an e-mail the provider says is unverified proves nothing about the domain (isAllowedOidcProfile).
      signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const domains = config.OIDC_ALLOWED_EMAIL_DOMAINS;
        const allowed = isAllowedOidcProfile(profile, domains) && isAllowedEmail(user.email, domains);
        if (!allowed)
          auditSignIn(
            "standalone",
            "refused",
            { name: user.name ?? undefined, email: user.email ?? undefined },
            "oidc: not an allowed e-mail",
          );
        return allowed;
      },
      // The role is decided once, at sign-in (DESIGN §10): a change in the IdP takes effect at the next sign-in.
      jwt({ token, user }) {
        if (user) {
          token.source = isAgentSource(user.source) ? user.source : "standalone";
          token.sid = randomUUID();
          token.role = isRole(user.role) ? user.role : config.HOST_DEFAULT_ROLE;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { name: token.name ?? "agent", email: token.email ?? null };
        session.source = token.source ?? "standalone";
        session.role = isRole(token.role) ? token.role : "agent";
        return session;
      },
      redirect({ url, baseUrl }) {
        return toSafeRedirect(url, baseUrl);
      },
    },
    // next-auth logs a stack per failed sign-in by default; a wrong demo password is not an incident.
    logger: {
      error: (code) => console.error(JSON.stringify({ level: "error", msg: "auth", code })),
      warn: (code) => console.warn(JSON.stringify({ level: "warn", msg: "auth", code })),
      debug: () => undefined,
    },
  };
  return cached;
}
