// The agent-first screen (issue 11): who is this and what just happened, in the 280 px sidebar and on the full page.
import { expect, test, type Page } from "@playwright/test";
import { SEED_IDS } from "../simulator/seed-ids";
import { seriousAxeViolations } from "./support/axe";

const sidebarUrl = (id: string) => `/embed?id=${encodeURIComponent(id)}`;
const profileUrl = (collection: string, id: string) => `/profiles/${collection}/${encodeURIComponent(id)}`;

/** Fully inside the viewport: seen without scrolling. */
async function expectOnFirstScreen(page: Page, locator: ReturnType<Page["locator"]>) {
  await expect(locator).toBeVisible();
  await expect(locator).toBeInViewport({ ratio: 1 });
}

test("280×800 sidebar: name, plan, company, lifetime value and the failed payment without scrolling", async ({
  page,
}) => {
  await page.setViewportSize({ width: 280, height: 800 });
  await page.goto(sidebarUrl(SEED_IDS.ada.email));
  const facts = page.getByTestId("summary-facts");
  await expectOnFirstScreen(page, page.getByRole("heading", { level: 1, name: "Ada Lovelace" }));
  await expectOnFirstScreen(page, facts.getByTestId("summary-fact").filter({ hasText: "Plan" }).getByText("business"));
  await expectOnFirstScreen(
    page,
    facts.getByTestId("summary-fact").filter({ hasText: "Company" }).getByText("Acme Corp"),
  );
  await expectOnFirstScreen(
    page,
    facts
      .getByTestId("summary-fact")
      .filter({ hasText: "Lifetime value" })
      .getByText(/^\$[\d,]+(\.\d\d)?$/),
  );
  const failed = page.getByTestId("just-happened-event").filter({ hasText: "Payment Failed" }).first();
  await expectOnFirstScreen(page, failed);
  await expect(failed).toContainText("card declined");
  await expect(failed.locator("time")).toHaveText(/min ago|just now/);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page).toHaveTitle(/^Ada Lovelace/);
});

test("summary header: flags, members-only audiences, local time, linked accounts' names", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(profileUrl("users", SEED_IDS.ada.userId));
  const facts = page.getByTestId("summary-facts");
  await expect(facts.getByRole("list", { name: "Flags" })).toContainText("Vip support");
  const audiences = facts.getByRole("list", { name: "Audiences (member)" });
  await expect(audiences).toContainText("high_value_customers");
  await expect(audiences).not.toContainText("trial_users"); // Ada is not a member
  await expect(facts.getByTestId("customer-local-time")).toContainText("Europe/London");
  await expect(facts.getByTestId("summary-accounts")).toContainText("Acme Corp");
  // Last seen: relative, with the absolute time and its zone on keyboard focus.
  const lastSeen = facts.getByTestId("summary-fact").filter({ hasText: "Last seen" }).locator("time");
  await lastSeen.focus();
  await expect(facts.getByTestId("time-tooltip").first()).toBeVisible();
  await expect(lastSeen).toHaveAttribute("aria-label", /ago, .*\d{4}.*(GMT|UTC)/);
  await expect(page.getByTestId("just-happened-event").first()).toBeVisible();
});

test("sidebar sections: agent-first order, identities folded to one line, folds and order remembered", async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(sidebarUrl(SEED_IDS.ada.email));
  const sections = page.locator("[data-section]");
  await expect(sections.first()).toBeVisible();
  expect(await sections.evaluateAll((els) => els.map((e) => e.getAttribute("data-section")))).toEqual([
    "just-happened",
    "timeline",
    "traits",
    "linked",
    "identities",
    "metadata",
  ]);
  const identities = page.getByRole("region", { name: "Identities" });
  await expect(identities.getByTestId("section-folded-line")).toHaveText("matched by e-mail · 9 identifiers");
  await identities.getByRole("button", { name: "Identities", exact: true }).click();
  await expect(identities.getByText("6D92078A-8246-4BA4-AE5B-76104861E7DC")).toBeVisible();
  await page.getByRole("button", { name: "Timeline", exact: true }).click();
  await expect(page.getByTestId("timeline-scroll")).toHaveCount(0);
  await page.getByRole("button", { name: "Move Identities up" }).click();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  expect(await sections.evaluateAll((els) => els.map((e) => e.getAttribute("data-section")))).toEqual([
    "just-happened",
    "timeline",
    "traits",
    "identities",
    "linked",
    "metadata",
  ]);
  await expect(page.getByRole("button", { name: "Timeline", exact: true })).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("button", { name: "Identities", exact: true })).toHaveAttribute("aria-expanded", "true");
});

for (const scheme of ["light", "dark"] as const) {
  for (const width of [280, 1440]) {
    test(`axe: the agent-first views at ${width} px (${scheme})`, async ({ page }) => {
      test.setTimeout(120_000); // axe over the whole full page is slow on a busy machine
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      for (const url of [sidebarUrl(SEED_IDS.ada.userId), profileUrl("users", SEED_IDS.ada.userId)]) {
        await page.goto(url);
        await expect(page.getByTestId("just-happened-event").first()).toBeVisible();
        await expect(page.getByTestId("summary-facts")).toBeVisible();
        expect(await seriousAxeViolations(page), `${url} at ${width}`).toEqual([]);
      }
    });
  }
}
