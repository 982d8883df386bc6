// Framing allowlist, security headers, and the in-memory bearer path when the browser blocks third-party cookies.
import { chromium, expect, test } from "@playwright/test";
import config, { e2eEnv } from "../playwright.config";
import { signZendeskToken } from "./support/host-assertions";
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
  await expect.poll(() => page.frames().find((f) => f !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator("#app").getByRole("heading", signInHeading)).toHaveCount(0);
});

test("every response carries the security headers, pages and /api alike, and no X-Frame-Options", async ({ request }) => {
  for (const path of ["/sign-in", "/api/health", "/api/profiles/users/user_id%3Ax", "/embed/zendesk/sidebar"]) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"], path).toContain(e2eEnv.hostUrl);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("no-referrer");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-frame-options"], path).toBeUndefined();
  }
});

test("with third-party cookies blocked, the framed sidebar still loads data through its bearer token", async () => {
  const launch = config.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), "--test-third-party-cookie-phaseout"] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bffCalls: Array<{ auth: boolean }> = [];
    page.on("request", (r) => {
      if (r.url().startsWith(`${e2eEnv.appUrl}/api/profiles/`)) bffCalls.push({ auth: Boolean(r.headers().authorization) });
    });
    const ada = { id: 1, externalId: "u_ada" };
    await page.goto(allowed.show("zendesk-3pc", zendeskHostHtml(e2eEnv.appUrl, e2eEnv.hostUrl, await signZendeskToken(), ada)));
    const frame = page.frameLocator("#app");
    await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
    // Drop every cookie the browser holds: the sidebar keeps working on the in-memory token alone.
    await context.clearCookies();
    await page.evaluate(() =>
      (window as unknown as { __changeRequester: (r: unknown) => void }).__changeRequester({ id: 2, externalId: "u_quiet" }),
    );
    await expect(frame.getByText("user_id:u_quiet")).toBeVisible();
    expect(bffCalls.length).toBeGreaterThanOrEqual(2);
    expect(bffCalls.every((c) => c.auth)).toBe(true);
  } finally {
    await browser.close();
  }
});

test("a cross-site request to the BFF is refused even with a valid session", async ({ request }) => {
  const login = await request.post("/embed/zendesk", { form: { token: await signZendeskToken() }, maxRedirects: 0 });
  expect(login.status()).toBe(303);
  const sameSite = await request.get("/api/profiles/users/user_id%3Au_ada", { headers: { "Sec-Fetch-Site": "same-origin" } });
  expect(sameSite.status()).toBe(200);
  const crossSite = await request.get("/api/profiles/users/user_id%3Au_ada", {
    headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  expect(crossSite.headers()["access-control-allow-origin"]).toBeUndefined();
});
