/**
 * A real OpenID Provider for the sign-in e2e tests: `oidc-provider` (a certified implementation) on loopback, with its
 * development login form (any login, any password). The login becomes the account: `ada` signs in as Ada with e-mail
 * ada@acme.test; a login containing `@` is used as the e-mail itself (to test OIDC_ALLOWED_EMAIL_DOMAINS); a login
 * starting with `unverified` gets `email_verified: false`.
 * Run: tsx e2e/support/oidc-server.ts (env OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI).
 */
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 4430);
const issuer = `http://127.0.0.1:${port}`;

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
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // next-auth v4 reads the profile from the ID token (it does not call userinfo), so the claims go in it.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  findAccount(_ctx, sub) {
    const email = sub.includes("@") ? sub : `${sub}@acme.test`;
    const name = sub.includes("@") ? sub : sub.charAt(0).toUpperCase() + sub.slice(1);
    return Promise.resolve({
      accountId: sub,
      claims: () => ({ sub, email, email_verified: !sub.startsWith("unverified"), name }),
    });
  },
});

const server = provider.listen(port, "127.0.0.1");
console.log(`oidc provider at ${issuer}`);
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
