// The browser reaches the BFF with its session cookie, and nothing without one. Also the sign-in page's own behaviour.
import { expect, test } from "@playwright/test";
import { SEED_IDS } from "../simulator/seed-ids";
import { e2eEnv } from "../playwright.config";

const adaPath = `/api/profiles/users/${encodeURIComponent(SEED_IDS.ada.userId)}`;

test("a signed-in browser fetches a customer's summary from the BFF", async ({ page }) => {
  await page.goto("/sign-in");
  const answer = await page.evaluate(async (path) => {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    return {
      status: response.status,
      body: (await response.json()) as { id?: string; errors?: unknown; traits?: unknown },
    };
  }, adaPath);
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ id: SEED_IDS.ada.userId, errors: {} });
  expect(answer.body.traits).not.toBeNull();
});

test.describe("its own session", () => {
  // Sign-out revokes the session it ends (every copy of its cookie), so this test must not end the shared one.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("signing out ends the session: the BFF answers 401 afterwards", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Agent name").fill("e2e-sign-out");
    await page.getByLabel("Password").fill(e2eEnv.demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    // A page of ours to run the fetches from (a JSON answer's own CSP allows no fetch at all: `default-src 'none'`).
    await page.goto("/sign-in");
    const statuses = await page.evaluate(async (path) => {
      const before = (await fetch(path)).status;
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, json: "true" }),
      });
      return { before, after: (await fetch(path)).status };
    }, adaPath);
    expect(statuses).toEqual({ before: 200, after: 401 });
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the BFF answers 401 JSON", async ({ page }) => {
    await page.goto("/sign-in");
    const answer = await page.evaluate(async (path) => {
      const response = await fetch(path);
      return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
    }, adaPath);
    expect(answer.status).toBe(401);
    expect(answer.type).toMatch(/^application\/json\b/);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { code: "authentication_error", message: expect.any(String) },
    });
  });

  test("a wrong password shows a clear error and keeps the agent on the sign-in page", async ({ page }) => {
    await page.goto("/sign-in?callbackUrl=%2Fapi%2Fhealth");
    await page.getByLabel("Agent name").fill("e2e");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("password is not right");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("signing in returns to the same-origin callback, never to another site", async ({ page, baseURL }) => {
    await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
    await page.getByLabel("Agent name").fill("e2e");
    await page.getByLabel("Password").fill("demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "http://invalid").origin);
    await page.goto("/sign-in?callbackUrl=%2Fapi%2Fhealth");
    await expect(page).toHaveURL(/\/api\/health$/);
  });
});
