// Small things that add up (issue 11 point 8): the tab names the customer, the lookup field has focus, skip links and
// "g"-shortcuts between sections (with a "?" help), copy buttons on trait values, each trait shown once; and the
// leftovers: a miss keeps the identifier for the next lookup, "Just happened" comes with the first paint.
import { expect, type Page, test } from "@playwright/test";
import { SEED_IDS } from "../simulator/seed-ids";
import { seriousAxeViolations } from "./support/axe";

const views = [
  { name: "sidebar", url: `/embed?id=${encodeURIComponent(SEED_IDS.ada.userId)}` },
  { name: "full page", url: `/profiles/users/${encodeURIComponent(SEED_IDS.ada.userId)}` },
] as const;

const traitsPanel = (page: Page) => page.getByRole("region", { name: "Traits & audiences" });
const focusedSection = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

async function traitKeys(page: Page): Promise<string[]> {
  return traitsPanel(page)
    .getByTestId("trait-row")
    .locator("dt")
    .evaluateAll((els) => els.map((e) => (e.textContent ?? "").trim()));
}

for (const scheme of ["light", "dark"] as const) {
  for (const width of [280, 1440]) {
    for (const view of views) {
      test(`${view.name} at ${width} px (${scheme}): title, skip links, shortcuts and help, copy buttons, traits once`, async ({
        page,
        context,
      }) => {
        test.setTimeout(90_000);
        await context.grantPermissions(["clipboard-read", "clipboard-write"]);
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto(view.url);
        await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
        await expect(page).toHaveTitle("Ada Lovelace · Profile Sidebar");

        // A skip link is hidden until focused, then visible; following it lands on the section.
        const skip = page.getByRole("navigation", { name: "Skip to section" }).getByRole("link", { name: "Timeline" });
        await skip.focus();
        await expect(skip).toBeInViewport();
        expect((await skip.boundingBox())?.width ?? 0).toBeGreaterThan(20);
        await skip.press("Enter");
        await expect.poll(() => focusedSection(page)).toBe("section-timeline");

        // g then a letter jumps; in the sidebar a folded section unfolds on the way.
        await page.keyboard.press("g");
        await page.keyboard.press("i");
        await expect.poll(() => focusedSection(page)).toBe("section-identities");
        await expect(page.getByRole("region", { name: "Identities" }).getByText("anon_ada_web_1")).toBeVisible();
        await page.keyboard.press("g");
        await page.keyboard.press("r");
        await expect.poll(() => focusedSection(page)).toBe("section-traits");
        // Typing in a field is typing, never a shortcut.
        const search = traitsPanel(page).getByPlaceholder("Search by key");
        await search.fill("");
        await search.pressSequentially("gt");
        await expect(search).toHaveValue("gt");
        await expect(search).toBeFocused();
        await search.fill("");
        await search.press("?");
        await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
        await search.fill("");
        await search.blur();

        // "?" opens the help listing the shortcuts (Escape closes it).
        await page.keyboard.press("?");
        const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
        await expect(help).toBeVisible();
        await expect(help).toContainText("Timeline");
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.keyboard.press("Escape");
        await expect(help).toBeHidden();

        // Each trait once: no key twice, no audience (true/false) and no computed trait in the Traits tab.
        const keys = await traitKeys(page);
        expect(keys.length).toBeGreaterThan(5);
        expect(new Set(keys).size).toBe(keys.length);
        for (const elsewhere of ["high_value_customers", "trial_users", "vip_support", "lifetime_value"])
          expect(keys).not.toContain(elsewhere);
        await traitsPanel(page).getByRole("tab", { name: "Audiences" }).click();
        await expect(
          traitsPanel(page).getByTestId("audience-row").filter({ hasText: "high_value_customers" }),
        ).toHaveCount(1);
        await traitsPanel(page).getByRole("tab", { name: "Traits" }).click();

        // Copy buttons: a plain value is copied as it is; a masked one (phone) shows its hint and has no copy button.
        await traitsPanel(page).getByRole("button", { name: "Copy title" }).click();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("Head of Analytics");
        const phone = traitsPanel(page)
          .getByTestId("trait-row")
          .filter({ hasText: /^phone/ });
        await expect(phone).toContainText("…0001");
        await expect(phone.getByRole("button", { name: /^Copy/ })).toHaveCount(0);
        expect(await seriousAxeViolations(page)).toEqual([]);
      });
    }
  }
}

test("the lookup field has focus, also in the sidebar's own lookup; a miss keeps the identifier for the next lookup", async ({
  page,
}) => {
  await page.goto("/embed?id=no-colon-here");
  await expect(page.getByLabel("Identifier (type:value)")).toBeFocused();
  // Full page: a profile that does not exist, then "Look up another identifier" starts from it.
  await page.goto(`/profiles/users/${encodeURIComponent("email:nobody-here@example.com")}`);
  await expect(page.getByTestId("profile-not-found")).toBeVisible();
  await page.getByRole("link", { name: "Look up another identifier" }).click();
  await expect(page.getByLabel("Value")).toHaveValue("email:nobody-here@example.com");
  await expect(page.getByLabel("Value")).toBeFocused();
  // Only once: the next visit starts empty.
  await page.reload();
  await expect(page.getByLabel("Value")).toHaveValue("");
  // The sidebar's not-found lookup is filled with the identifier that missed.
  await page.goto(`/embed?id=${encodeURIComponent("email:nobody-here@example.com")}`);
  await expect(page.getByTestId("profile-not-found").getByLabel("Identifier (type:value)")).toHaveValue(
    "email:nobody-here@example.com",
  );
});

test.describe("first paint", () => {
  // Without JavaScript only the server's HTML is on screen: "Just happened" must be in it.
  test.use({ javaScriptEnabled: false });
  for (const view of views) {
    test(`${view.name}: "Just happened" with the failed payment comes in the HTML`, async ({ page }) => {
      await page.goto(view.url);
      await expect(page.getByTestId("just-happened-event").filter({ hasText: "Payment Failed" }).first()).toBeVisible();
    });

    test(`${view.name}: a skip link moves focus to its section before the page's scripts run`, async ({ page }) => {
      // An agent (or a test) quicker than hydration gets the browser's own fragment jump: the section must take focus.
      await page.goto(view.url);
      const skip = page.getByRole("navigation", { name: "Skip to section" }).getByRole("link", { name: "Timeline" });
      await skip.focus();
      await skip.press("Enter");
      await expect(page.locator("#section-timeline")).toBeFocused();
    });
  }
});
