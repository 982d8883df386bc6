// Standalone sign-in through a real OpenID provider (oidc-provider on loopback), domain allowlist, and sign-out.
import { expect, type Page, test } from "@playwright/test";

test.use({ storageState: { cookies: [], origins: [] } });

async function signInAtProvider(page: Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with your company account" }).click();
  await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("an agent signs in with the company identity provider, gets an 8-hour session, and signs out", async ({ page }) => {
  await signInAtProvider(page, "ada");
  await page.waitForURL((url) => url.hostname === "localhost" && !url.pathname.startsWith("/sign-in"));
  const session = (await (await page.request.get("/api/auth/session")).json()) as { expires: string };
  expect(session).toMatchObject({ user: { name: "Ada", email: "ada@acme.test" }, source: "standalone" });
  const hours = (Date.parse(session.expires) - Date.now()) / 3_600_000;
  expect(hours).toBeGreaterThan(7.9);
  expect(hours).toBeLessThanOrEqual(8);

  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signOut = await page.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/sign-in", json: "true" } });
  expect(signOut.ok()).toBe(true);
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  expect((await page.request.get("/api/profiles/users/user_id%3Au_ada")).status()).toBe(401);
});

test("an identity the provider vouches for, outside OIDC_ALLOWED_EMAIL_DOMAINS, is refused", async ({ page }) => {
  await signInAtProvider(page, "outsider@evil.test");
  await page.waitForURL((url) => url.hostname === "localhost" && url.pathname.startsWith("/sign-in"));
  await expect(page.getByText("Your account is not allowed to use Profile Sidebar.")).toBeVisible();
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
});
