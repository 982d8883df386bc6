// The README's screenshots (docs/screenshots/), written on every e2e run from the seeded simulator: the 280 px sidebar
// (its first screen, as an agent sees it next to a ticket) and the full page at 1440 px, light and dark.
import { expect, type Page, test } from "@playwright/test";
import { SEED_IDS } from "../simulator/seed-ids";

/** Waits for what the shot is about, and for the relative times and fonts to settle. */
async function settle(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  await expect(page.getByTestId("just-happened-event").first()).toBeVisible();
  await expect(page.getByTestId("timeline-event").first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

for (const scheme of ["light", "dark"] as const) {
  test(`README screenshots (${scheme}): the sidebar at 280 px and the full page at 1440 px`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 280, height: 900 });
    await page.goto(`/embed?id=${encodeURIComponent(SEED_IDS.ada.email)}`);
    await settle(page);
    await page.screenshot({ path: `docs/screenshots/sidebar-280-${scheme}.png` });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`/profiles/users/${encodeURIComponent(SEED_IDS.ada.userId)}`);
    await settle(page);
    await page.screenshot({ path: `docs/screenshots/profile-1440-${scheme}.png` });
  });
}
