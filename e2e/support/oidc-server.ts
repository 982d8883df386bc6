/**
 * A real OpenID Provider for the sign-in e2e tests: `oidc-provider` (a certified implementation) on loopback, with its
 * development login form (any login, any password). The login becomes the account: `ada` signs in as Ada with e-mail
 * ada@acme.test; a login containing `@` is used as the e-mail itself (to test OIDC_ALLOWED_EMAIL_DOMAINS); a login
 * starting with `unverified` gets `email_verified: false`; a login starting with `sup` is in the group
 * `sidebar-supervisors`, one starting with `aud` in `sidebar-auditors` and `staff` (the `groups` claim, mapped to roles by
 * the app's ROLE_MAP).
 * Run: tsx e2e/support/oidc-server.ts (env OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI).
 */
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 4430);
const issuer = `http://127.0.0.1:${port}`;

function groupsOf(login: string): string[] {
  if (login.startsWith("sup")) return ["staff", "sidebar-supervisors"];
  if (login.startsWith("aud")) return ["sidebar-auditors", "staff"];
  return ["staff"];
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? "sidebar-e2e",
      client_secret: process.env.OIDC_CLIENT_SECRET ?? "sidebar-e2e-secret",
      redirect_uris: [process.env.OIDC_REDIRECT_URI ?? "http://localhost:4400/api/auth/callback/oidc"],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  // `groups` rides on the profile scope, as Okta and Entra ID can be set up to send it, so the app asks for no extra scope.
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  // next-auth v4 reads the profile from the ID token (it does not call userinfo), so the claims go in it.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  findAccount(_ctx, sub) {
    const email = sub.includes("@") ? sub : `${sub}@acme.test`;
    const name = sub.includes("@") ? sub : sub.charAt(0).toUpperCase() + sub.slice(1);
    return Promise.resolve({
      accountId: sub,
      claims: () => ({ sub, email, email_verified: !sub.startsWith("unverified"), name, groups: groupsOf(sub) }),
    });
  },
});

const server = provider.listen(port, "127.0.0.1");
console.log(`oidc provider at ${issuer}`);
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
