// The auditor's view of the trail (DESIGN §10): a real demo sign-in as the auditor, a profile opened, that view found
// in /admin/audit, filtered by customer (which must never reach a URL), exported as a CSV download, axe clean in light
// and dark; an agent gets the plain 404.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { e2eEnv } from "../playwright.config";
import { seriousAxeViolations } from "./support/axe";

const CUSTOMER = "email:ada@example.com";

async function signInAs(page: Page, name: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Agent name").fill(name);
  await page.getByLabel("Password").fill(e2eEnv.demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

test.describe("as the auditor", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("finds a profile view, filters by customer without a URL carrying it, exports CSV", async ({ page }) => {
    await signInAs(page, "auditor");
    await page.getByLabel("Value").fill("ada@example.com");
    await page.getByRole("button", { name: "Look up" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();

    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    // From here on (the profile page's own calls are over), every URL the browser asks for is recorded: none may
    // carry the customer.
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    const rows = page.getByTestId("audit-row");
    const viewRow = rows.filter({ hasText: "auditor" }).filter({ hasText: CUSTOMER }).filter({ hasText: "view" });
    await expect(viewRow.first()).toBeVisible();

    await page.getByLabel("Customer identifier").fill(CUSTOMER);
    await page.getByLabel("Action").selectOption("view");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByTestId("audit-status")).toContainText("newest first");
    await expect(rows.first()).toContainText(CUSTOMER);
    for (const row of await rows.all()) {
      await expect(row).toContainText(CUSTOMER);
      await expect(row).toContainText("view");
    }
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/admin/audit");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{8}T\d{6}\.csv$/);
    const csv = readFileSync(String(await download.path()), "utf8")
      .trim()
      .split("\r\n");
    expect(csv[0]).toMatch(/^seq,time,agent_name,/);
    expect(csv.length).toBeGreaterThan(1);
    for (const line of csv.slice(1)) expect(line).toContain(`,view,users,${CUSTOMER},`);

    for (const url of urls) {
      expect(url).not.toContain("ada@example.com");
      expect(url).not.toContain("ada%40example.com");
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

test("an agent gets the plain 404, for the page and the API", async ({ page }) => {
  const response = await page.goto("/admin/audit");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Audit log" })).toHaveCount(0);
  const api = await page.request.get("/api/audit");
  expect(api.status()).toBe(404);
});
