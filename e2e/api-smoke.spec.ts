// The browser reaches the BFF with its session cookie, and nothing without one. Also the sign-in page's own behaviour.
import { expect, test } from "@playwright/test";
import { SEED_IDS } from "../simulator/seed-ids";

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

test("signing out ends the session: the BFF answers 401 afterwards", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2Fapi%2Fhealth");
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

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the BFF answers 401 JSON", async ({ page }) => {
    await page.goto("/sign-in");
    const status = await page.evaluate(async (path) => (await fetch(path)).status, adaPath);
    expect(status).toBe(401);
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
