// A standalone session whose JWT has expired is no session: pages send the agent to sign in, the BFF answers 401.
import { type BrowserContext, expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { e2eEnv } from "../playwright.config";

test.use({ storageState: { cookies: [], origins: [] } });

const SESSION_COOKIE = "__Secure-next-auth.session-token";

/** A session token exactly as next-auth mints one (same secret, same encoding), valid for `maxAge` seconds from now. */
async function sessionToken(maxAge: number): Promise<string> {
  return encode({
    token: { name: "Eve Expired", email: "eve@acme.test", sub: "demo:Eve Expired", source: "standalone" },
    secret: e2eEnv.authSecret,
    maxAge,
  });
}

async function setSession(context: BrowserContext, token: string) {
  await context.clearCookies();
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value: token,
      domain: new URL(e2eEnv.appUrl).hostname,
      path: "/",
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
    },
  ]);
}

test("an expired session JWT is refused by a page (redirect to sign-in) and by a BFF route (401)", async ({
  page,
  context,
}) => {
  // Control: the same token, still valid, is accepted, so the refusal below is about expiry alone.
  const fresh = await sessionToken(60);
  await setSession(context, fresh);
  await page.goto("/");
  await expect(page).not.toHaveURL(/\/sign-in/);
  const ok = await page.request.get("/api/profiles/users/user_id%3Au_ada", {
    headers: { Cookie: `${SESSION_COOKIE}=${fresh}`, "Sec-Fetch-Site": "same-origin" },
  });
  expect(ok.status()).toBe(200);

  // Expired a minute ago (beyond next-auth's 15 s clock tolerance).
  const expired = await sessionToken(-60);
  await setSession(context, expired);
  await page.goto("/profiles/users/user_id%3Au_ada");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofiles%2Fusers%2F/);
  await expect(page.getByRole("heading", { name: "Sign in to Profile Sidebar" })).toBeVisible();
  const refused = await page.request.get("/api/profiles/users/user_id%3Au_ada", {
    headers: { Cookie: `${SESSION_COOKIE}=${expired}`, "Sec-Fetch-Site": "same-origin" },
  });
  expect(refused.status()).toBe(401);
  expect(await page.evaluate(async () => (await fetch("/api/auth/session")).json() as Promise<unknown>)).toEqual({});
});
