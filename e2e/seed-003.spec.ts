// The profile page and the /embed sidebar in real Chromium, fed by an upstream that answers with random bodies that
// conform to seed 003's OpenAPI description: every page renders, with no error screen and no uncaught exception.
// A second app instance (the built app, `next start`, loopback, its own port) points at that fake upstream; the spec
// starts it and stops it by its process (tests/http/harness.ts).
import { expect, test, type Page } from "@playwright/test";
import { startStack, type Stack } from "../tests/http/harness";
import { type FakeUpstream, startFakeUpstream } from "../tests/seed-003/fake-upstream";

test.use({ storageState: { cookies: [], origins: [] } });
test.setTimeout(120_000);

const PAGES_PER_VIEW = 4;
let upstream: FakeUpstream;
let stack: Stack;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  upstream = await startFakeUpstream({ samplesPerRoute: 30, seed: 1003 });
  stack = await startStack({
    appEnv: { PROFILE_API_URL: upstream.url, CACHE_TTL_TRAITS_MS: "0", CACHE_TTL_EVENTS_MS: "0" },
  });
});
test.afterAll(async () => {
  await stack?.stop();
  await upstream?.close();
});

/** Signs in on the second instance through its own sign-in page (the harness's demo password). */
async function signInThere(page: Page) {
  await page.goto(`${stack.appUrl}/sign-in`);
  await page.getByLabel("Agent name").fill("seed-003");
  await page.getByLabel("Password").fill("demo-http-tests");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** Loads `path`, waits until nothing is loading, and asserts the page shows no error screen of any kind. */
async function expectRendered(page: Page, path: string, errors: string[]) {
  const response = await page.goto(`${stack.appUrl}${path}`);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
  await expect(page.getByText("Application error"), path).toHaveCount(0);
  await expect(page.getByText(/could not be loaded|went wrong/i), path).toHaveCount(0);
  expect(errors, path).toEqual([]);
}

test("seed-003-shaped answers: the full profile and the /embed sidebar render, pages after pages", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signInThere(page);
  const views = [
    (i: number) => `/profiles/users/${encodeURIComponent(`user_id:seed-003-${i}`)}`,
    (i: number) => `/profiles/accounts/${encodeURIComponent(`group_id:seed-003-${i}`)}`,
    (i: number) => `/embed?${new URLSearchParams({ id: `user_id:seed-003-${i}` }).toString()}`,
  ];
  for (const view of views) {
    for (let i = 0; i < PAGES_PER_VIEW; i += 1) await expectRendered(page, view(i), errors);
  }
  expect(upstream.served.ok).toBeGreaterThan(PAGES_PER_VIEW * views.length * 5);
});
