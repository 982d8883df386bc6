// Framing allowlist, security headers, and the hand-off code + in-memory bearer path when the browser keeps no cookies.
import { expect, test } from "@playwright/test";
import { e2eEnv } from "../playwright.config";
import { signZendeskToken } from "./support/host-assertions";
import { keepNoCookiesFor } from "./support/no-cookies";
import { framingHtml, type HostServer, startHostServer, zendeskHostHtml } from "./support/host-server";

test.use({ storageState: { cookies: [], origins: [] } });

let allowed: HostServer;
let foreign: HostServer;
test.beforeAll(async () => {
  allowed = await startHostServer(Number(new URL(e2eEnv.hostUrl).port));
  foreign = await startHostServer(Number(new URL(e2eEnv.foreignHostUrl).port));
});
test.afterAll(async () => {
  await allowed.close();
  await foreign.close();
});

const signInHeading = { name: "Sign in to Profile Sidebar" };

test("an allowed host can frame the app; an origin not on the allowlist cannot", async ({ page }) => {
  await page.goto(allowed.show("frame", framingHtml(`${e2eEnv.appUrl}/sign-in`)));
  await expect(page.frameLocator("#app").getByRole("heading", signInHeading)).toBeVisible();

  const blocked = page.waitForResponse(`${e2eEnv.appUrl}/sign-in`);
  await page.goto(foreign.show("frame", framingHtml(`${e2eEnv.appUrl}/sign-in`)));
  const response = await blocked;
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'self' https://*.zendesk.com");
  await expect(page.getByRole("heading", { name: "Framing test" })).toBeVisible();
  // Chromium replaced the frame's document with its error page: our content never rendered there.
  await expect
    .poll(() =>
      page
        .frames()
        .find((f) => f !== page.mainFrame())
        ?.url(),
    )
    .toMatch(/^chrome-error:/);
  await expect(page.frameLocator("#app").getByRole("heading", signInHeading)).toHaveCount(0);
});

test("every response carries the security headers, pages and /api alike, and no X-Frame-Options", async ({
  request,
}) => {
  for (const path of ["/sign-in", "/api/health", "/api/profiles/users/user_id%3Ax", "/embed/zendesk/sidebar"]) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    // Pages get a nonce for their scripts; JSON answers (set by the route wrapper, no proxy) allow nothing at all.
    expect(headers["content-security-policy"], path).toMatch(
      path.startsWith("/api/") ? /default-src 'none'/ : /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
    );
    expect(headers["content-security-policy"], path).toContain(e2eEnv.hostUrl);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("no-referrer");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-frame-options"], path).toBeUndefined();
  }
});

test("in a browser that keeps no cookies for the app, the framed sidebar signs in with the one-time hand-off code and loads data through its bearer token", async ({
  browser,
}) => {
  // Honest stand-in for "block all cookies": every app request goes out without Cookie, every Set-Cookie is dropped
  // (e2e/support/no-cookies.ts). The old test's --test-third-party-cookie-phaseout still kept Partitioned cookies.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const log = await keepNoCookiesFor(context, e2eEnv.appUrl);
    const page = await context.newPage();
    const bffCalls: Array<{ auth: boolean }> = [];
    page.on("request", (r) => {
      if (r.url().startsWith(`${e2eEnv.appUrl}/api/profiles/`))
        bffCalls.push({ auth: Boolean(r.headers().authorization) });
    });
    const ada = { id: 1, externalId: "u_ada" };
    await page.goto(
      allowed.show("zendesk-no-cookies", zendeskHostHtml(e2eEnv.appUrl, e2eEnv.hostUrl, await signZendeskToken(), ada)),
    );
    const frame = page.frameLocator("#app");
    await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();

    // The host sign-in still set a session cookie (the browser never kept it) and handed off a code in the redirect.
    expect(log.setCookies.some((c) => c.includes("session-token"))).toBe(true);
    const handoff = log.redirects.find((l) => l.startsWith("/embed/zendesk/sidebar?"));
    const code = new URL(String(handoff), e2eEnv.appUrl).searchParams.get("code");
    expect(code).toBeTruthy();
    // The page took the spent code out of its address bar and kept ZAF's parameters.
    await expect.poll(() => page.frame({ name: "app" })?.url() ?? "").toContain("app_guid=e2e-app-guid");
    expect(page.frame({ name: "app" })?.url()).not.toContain("code=");

    await page.evaluate(() =>
      (window as unknown as { __changeRequester: (r: unknown) => void }).__changeRequester({
        id: 2,
        externalId: "u_quiet",
      }),
    );
    await expect(frame.getByText("user · user_id:u_quiet")).toBeVisible();
    expect(bffCalls.length).toBeGreaterThanOrEqual(2);
    expect(bffCalls.every((c) => c.auth)).toBe(true);
    expect(log.requests.some((r) => r.sentCookie)).toBe(false);
    expect(await context.cookies()).toEqual([]);

    // Replaying the same code (history, a leaked URL) gets no session.
    const replay = `${e2eEnv.appUrl}/embed/zendesk/sidebar?${new URLSearchParams({ origin: e2eEnv.hostUrl, app_guid: "e2e-app-guid", code: String(code) }).toString()}`;
    await page.evaluate((src) => document.getElementById("app")?.setAttribute("src", src), replay);
    await expect(frame.getByText("You are not signed in to Profile Sidebar here.")).toBeVisible();
    await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("a cross-site request to the BFF is refused even with a valid session", async ({ request }) => {
  const login = await request.post("/embed/zendesk", { form: { token: await signZendeskToken() }, maxRedirects: 0 });
  expect(login.status()).toBe(303);
  const sameSite = await request.get("/api/profiles/users/user_id%3Au_ada", {
    headers: { "Sec-Fetch-Site": "same-origin" },
  });
  expect(sameSite.status()).toBe(200);
  const crossSite = await request.get("/api/profiles/users/user_id%3Au_ada", {
    headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  expect(crossSite.headers()["access-control-allow-origin"]).toBeUndefined();
});
