// Sessions and host sign-in under attack (issue 14): a Zendesk token replayed, too old, without iat, or posted from
// another site; a session cookie copied before sign-out and used after it.
import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_IDS } from "@/simulator/seed-ids";
import { profilePath, signIn, type Stack, startStack } from "./harness";

const AUDIENCE = "https://sidebar.http.test/embed/zendesk";
const DEMO_PASSWORD = "demo-http-tests";
let stack: Stack;
let privateKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  privateKey = pair.privateKey;
  stack = await startStack({
    appEnv: { ZENDESK_APP_PUBLIC_KEY: await exportSPKI(pair.publicKey), ZENDESK_APP_AUDIENCE: AUDIENCE },
  });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

function zendeskToken(options: { iat?: number | null; exp?: string } = {}): Promise<string> {
  const jwt = new SignJWT({
    name: "Grace Agent",
    iss: "acme.zendesk.com",
    sub: "zd-42",
    aud: AUDIENCE,
  }).setProtectedHeader({ alg: "RS256" });
  if (options.iat !== null) jwt.setIssuedAt(options.iat);
  return jwt.setExpirationTime(options.exp ?? "5m").sign(privateKey);
}

async function postZendesk(token: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${stack.appUrl}/embed/zendesk?origin=https%3A%2F%2Facme.zendesk.com&app_guid=abc-123`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ token }),
  });
}

const sessionCookieOf = (res: Response) =>
  res.headers.getSetCookie().some((c) => c.startsWith("__Secure-next-auth.session-token="));

describe("Zendesk sign-in tokens", () => {
  it("sign in once: the same token posted again is refused", async () => {
    const token = await zendeskToken();
    const first = await postZendesk(token, { Origin: "https://acme.zendesk.com", "Sec-Fetch-Site": "cross-site" });
    expect(first.status).toBe(303);
    expect(sessionCookieOf(first)).toBe(true);
    const replay = await postZendesk(token, { Origin: "https://acme.zendesk.com", "Sec-Fetch-Site": "cross-site" });
    expect(replay.status).toBe(401);
    expect(sessionCookieOf(replay)).toBe(false);
  });

  it("refuses a token issued a year ago (even with a valid exp) and one without iat", async () => {
    const yearAgo = Math.floor(Date.now() / 1000) - 365 * 24 * 3600;
    expect((await postZendesk(await zendeskToken({ iat: yearAgo, exp: "1h" }))).status).toBe(401);
    expect((await postZendesk(await zendeskToken({ iat: null }))).status).toBe(401);
  });

  it("refuses a cross-site post from a page that is neither Zendesk nor an allowed host (login CSRF)", async () => {
    const res = await postZendesk(await zendeskToken(), {
      Origin: "https://evil.example",
      "Sec-Fetch-Site": "cross-site",
    });
    expect(res.status).toBe(401);
    expect(sessionCookieOf(res)).toBe(false);
    const hidden = await postZendesk(await zendeskToken(), { "Sec-Fetch-Site": "cross-site" });
    expect(hidden.status).toBe(401);
  });
});

describe("sign-out", () => {
  it("revokes the session: a copy of the old cookie is refused afterwards", async () => {
    const session = await signIn(stack.appUrl, "Leaving Agent", DEMO_PASSWORD);
    expect(session).toBeTruthy();
    const metadata = profilePath("users", SEED_IDS.ada.userId, "metadata");
    expect((await stack.get(metadata, { signedIn: false, headers: { Cookie: session ?? "" } })).status).toBe(200);
    const csrf = await fetch(`${stack.appUrl}/api/auth/csrf`, { headers: { Cookie: session ?? "" } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const out = await fetch(`${stack.appUrl}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: [session, csrfCookie].join("; ") },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
    });
    expect(out.status).toBeLessThan(400);
    const after = await stack.get(metadata, { signedIn: false, headers: { Cookie: session ?? "" } });
    expect(after.status).toBe(401);
    // The page refuses it too: back to sign-in.
    const page = await fetch(`${stack.appUrl}/`, { redirect: "manual", headers: { Cookie: session ?? "" } });
    expect(page.status).toBeGreaterThanOrEqual(300);
    expect(page.status).toBeLessThan(400);
    // Another agent's session is untouched.
    expect((await stack.get(metadata)).status).toBe(200);
  });
});
