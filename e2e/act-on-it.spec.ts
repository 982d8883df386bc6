// Act on it (issue 11 point 9): "Insert into reply" in Zendesk puts the profile summary into the ticket's reply
// through the ZAF SDK; "Copy summary" everywhere puts the same text on the clipboard. No masked value in it.
import { expect, type Page, test } from "@playwright/test";
import { SEED_IDS } from "../simulator/seed-ids";
import { e2eEnv } from "../playwright.config";
import { seriousAxeViolations } from "./support/axe";
import { signZendeskToken } from "./support/host-assertions";
import { type HostServer, startHostServer, zendeskHostHtml } from "./support/host-server";
import { expectedSummaryText } from "./support/summary-expectation";

const ada = { id: 101, name: "Ada Lovelace", email: "ada@example.com" };
type Zaf = { __zaf: { appendedTexts: string[]; reply: string; violations: string[] } };
const zafState = (page: Page) => page.evaluate(() => (window as unknown as Zaf).__zaf);

/** What must never be in the text: Ada's masked traits and identifiers (MASKED_TRAITS / MASKED_ID_TYPES), hints too. */
function expectNothingMasked(text: string) {
  for (const secret of ["+15550100001", "5550100001", "0001", "1815-12-10", "…", "masked", "ada@example.com"])
    expect(text).not.toContain(secret);
}

function expectAdaSummary(text: string, expected: string) {
  expect(text).toBe(expected);
  expect(text).toMatch(/^Customer: Ada Lovelace\nPlan: business\nJust happened:\n- /);
  expect(text).toMatch(/- Payment Failed, \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC \(\$[\d,.]+ · card declined\)/);
  expectNothingMasked(text);
}

test.describe("in Zendesk", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  let host: HostServer;
  test.beforeAll(async () => {
    host = await startHostServer(Number(new URL(e2eEnv.hostUrl).port));
  });
  test.afterAll(async () => host.close());

  for (const scheme of ["light", "dark"] as const) {
    test(`"Insert into reply" appends the summary to the ticket's reply through ZAF, in a 280 px frame (${scheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const token = await signZendeskToken();
      const html = zendeskHostHtml(e2eEnv.appUrl, e2eEnv.hostUrl, token, ada, { frameWidth: 280 });
      await page.goto(host.show(`zendesk-insert-${scheme}`, html));
      const frame = page.frameLocator("#app");
      await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
      await expect(frame.getByTestId("just-happened-event").first()).toBeVisible();
      // The keyboard shortcuts work inside the 280 px frame (once it has focus): g t lands on the timeline.
      await frame.getByRole("button", { name: "Copy summary" }).focus();
      await page.keyboard.press("g");
      await page.keyboard.press("t");
      const app = page.frame({ name: "app" });
      if (!app) throw new Error("the app frame is missing");
      await expect.poll(() => app.title()).toBe("Ada Lovelace · Profile Sidebar"); // the frame's title too
      await expect.poll(() => app.evaluate(() => document.activeElement?.id)).toBe("section-timeline");
      // Only where there is a reply to write into.
      await frame.getByRole("button", { name: "Insert into reply" }).click();
      await expect(frame.getByTestId("summary-action-status")).toHaveText("Summary inserted into the reply.");
      await expect.poll(async () => (await zafState(page)).appendedTexts.length).toBe(1);
      const { appendedTexts, violations } = await zafState(page);
      expectAdaSummary(appendedTexts[0] ?? "", await expectedSummaryText(SEED_IDS.ada.userId));
      await expect(page.getByLabel("Reply")).toHaveValue(appendedTexts[0] ?? "");
      expect(violations).toEqual([]);
      expect(await seriousAxeViolations(app)).toEqual([]);
    });
  }
});

test.describe("Copy summary", () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  });

  for (const scheme of ["light", "dark"] as const) {
    for (const [width, url] of [
      [280, `/embed?id=${encodeURIComponent(SEED_IDS.ada.userId)}`],
      [1440, `/profiles/users/${encodeURIComponent(SEED_IDS.ada.userId)}`],
    ] as const) {
      test(`puts the same summary on the clipboard at ${width} px (${scheme}); no "Insert into reply" outside Zendesk`, async ({
        page,
      }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto(url);
        await expect(page.getByTestId("just-happened-event").first()).toBeVisible();
        await expect(page.getByRole("button", { name: "Insert into reply" })).toHaveCount(0);
        await page.evaluate(() => navigator.clipboard.writeText("nothing yet"));
        await page.getByRole("button", { name: "Copy summary" }).click();
        await expect(page.getByTestId("summary-action-status")).toHaveText("Summary copied.");
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expectAdaSummary(copied, await expectedSummaryText(SEED_IDS.ada.userId));
        expect(await seriousAxeViolations(page)).toEqual([]);
      });
    }
  }
});
