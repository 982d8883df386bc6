// Issue 11, points 5 and 7: timeline search over what the rows show, and times (relative, absolute with zone on hover
// and focus, sticky day headers), in the 280 px sidebar and on the 1440 px page, light and dark.
import { expect, test, type Locator } from "@playwright/test";
import { e2eEnv } from "../playwright.config";
import { SEED_IDS } from "../simulator/seed-ids";
import { seriousAxeViolations } from "./support/axe";
import { dayAtTop, openProfile, scrollTimelineTo } from "./support/timeline";

// A zone that is not the server's (UTC): the absolute times must follow the agent's browser.
test.use({ timezoneId: "Europe/Paris" });
const ZONE = /(CET|CEST|GMT\+1|GMT\+2)$/;

const rowTitles = (timeline: Locator) =>
  timeline.getByTestId("timeline-event").locator("button[aria-expanded]").allTextContents();

for (const scheme of ["light", "dark"] as const) {
  for (const width of [280, 1440] as const) {
    test(`search: what the rows show, a picker of the labels seen, a clear empty result (${width} px, ${scheme})`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const timeline = await openProfile(page, SEED_IDS.ada.userId, width, scheme);
      await expect(timeline.getByTestId("timeline-event").first()).toBeVisible({ timeout: 30_000 });
      const search = timeline.getByRole("searchbox", { name: "Search loaded events" });

      // Lower case, words of the label: finds the ticket the agent is looking for.
      await search.fill("support ticket");
      await expect(timeline.getByTestId("timeline-event").first()).toContainText("Support Ticket Opened");
      expect(new Set(await rowTitles(timeline))).toEqual(new Set(["Important: Support Ticket Opened"]));

      // The picker lists what the rows show ("Viewed screen …", not "Screen Viewed"); picking one filters by it.
      await search.fill("");
      const picker = timeline.getByRole("combobox", { name: "Event" });
      const options = await picker.locator("option").allTextContents();
      const screen = options.find((o) => o.startsWith("Viewed screen "));
      expect(screen, options.join(" | ")).toBeDefined();
      const label = (screen ?? "").replace(/ \(\d+\)$/, "");
      expect(options.some((o) => o.startsWith("Screen Viewed"))).toBe(false);
      await picker.selectOption({ label: screen ?? "" });
      await expect(timeline.getByTestId("timeline-event").first()).toContainText(label);
      expect(new Set(await rowTitles(timeline))).toEqual(new Set([label]));
      // …and typing that label finds the same rows.
      await picker.selectOption({ value: "" });
      await search.fill(label.toUpperCase());
      await expect(timeline.getByTestId("timeline-event").first()).toContainText(label);
      expect((await rowTitles(timeline)).every((t) => t === label)).toBe(true);

      // Nothing matches: the message names the search and offers a way out, not "No events in this range".
      await search.fill("zebra crossing");
      const none = timeline.getByTestId("timeline-no-match");
      await expect(none).toContainText("No loaded events match 'zebra crossing'.");
      await expect(timeline.getByText("No events in this range")).toHaveCount(0);
      expect(await seriousAxeViolations(page), `search at ${width} px, ${scheme}`).toEqual([]);
      await none.getByRole("button", { name: "Clear search" }).click();
      await expect(search).toHaveValue("");
      await expect(timeline.getByTestId("timeline-event").first()).toBeVisible();
    });

    test(`times: relative, absolute with the zone on hover and focus, sticky day headers (${width} px, ${scheme})`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const timeline = await openProfile(page, SEED_IDS.ada.userId, width, scheme);
      const scroller = timeline.getByTestId("timeline-scroll");
      await expect(scroller.getByTestId("timeline-event").first()).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId("just-happened-event").first()).toBeVisible();
      if (width === 280) {
        // The sidebar folds identities and metadata: open them, so their times are checked too.
        for (const name of ["Identities", "Profile metadata"]) {
          const toggle = page.getByRole("button", { name, exact: true });
          if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
        }
      }
      await expect(page.getByRole("region", { name: "Profile metadata" }).locator("time").first()).toBeVisible();

      // Every time on the page reads relative, is focusable, and names the absolute time with the agent's zone.
      const times = await page.locator("time").evaluateAll((els) =>
        els.map((el) => ({
          text: el.textContent ?? "",
          label: el.getAttribute("aria-label") ?? "",
          title: el.getAttribute("title") ?? "",
          tabIndex: (el as HTMLElement).tabIndex,
        })),
      );
      expect(times.length).toBeGreaterThan(10);
      for (const time of times) {
        expect(time.tabIndex, time.text).toBe(0);
        // A calendar date (no time of day) is a date; everything else is "… ago" with the absolute time and zone.
        if (/^\d{4}-\d{2}-\d{2}$/.test(time.title)) continue;
        expect(time.text).toMatch(/ago$|^just now$|^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
        expect(time.label).toMatch(
          new RegExp(`^${time.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, .*\\d{4}, \\d{2}:\\d{2} `),
        );
        expect(time.label).toMatch(ZONE);
      }

      // The tooltip: on keyboard focus in a timeline row, on hover in "Just happened".
      const row = scroller.getByTestId("timeline-event").first();
      const tip = row.getByTestId("event-time-tooltip");
      await expect(tip).toBeHidden();
      await row.locator("time").focus();
      await expect(tip).toBeVisible();
      await expect(tip).toHaveText(ZONE);
      const happened = page.getByTestId("just-happened-event").first();
      await happened.locator("time").hover();
      await expect(happened.getByTestId("time-tooltip")).toBeVisible();
      await expect(happened.getByTestId("time-tooltip")).toHaveText(ZONE);

      // Day headers: "Today", "Yesterday", "Mon 30 Nov"; the top row's day sticks to the top while scrolling.
      const headings = await scroller.getByTestId("timeline-day").allTextContents();
      expect(headings[0]).toMatch(/^(Today|Yesterday|[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2})$/);
      const sticky = scroller.getByTestId("timeline-sticky-day");
      await expect(sticky).toHaveCount(0); // at the very top the first heading is in place
      const seen = new Set<string>();
      for (let y = 600; y < 6000 && seen.size < 2; y += 600) {
        await scrollTimelineTo(scroller, y);
        await expect(sticky).toBeVisible();
        const [stuck, box] = await Promise.all([sticky.boundingBox(), scroller.boundingBox()]);
        expect(Math.abs((stuck?.y ?? 0) - (box?.y ?? -99))).toBeLessThan(2);
        const day = await dayAtTop(scroller);
        await expect(sticky).toHaveAttribute("data-day", day ?? "none");
        await expect(sticky).toHaveText(/^(Today|Yesterday|[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2})$/);
        seen.add(day ?? "");
      }
      expect(seen.size, "the sticky heading followed the scroll into another day").toBe(2);
      expect(await seriousAxeViolations(page), `times at ${width} px, ${scheme}`).toEqual([]);
    });
  }
}

test("times: a browser clock ahead of the server's keeps the server's HTML and shows the browser's times", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The agent's clock 7 minutes ahead of the server's: every time the server wrote ("26 min ago", "their time 01:44")
  // is stale in the browser. A text that differs without suppressHydrationWarning makes React throw the server's HTML
  // away (error #418); one that differs with it is kept as the server wrote it while its label moves on.
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.clock.install({ time: Date.now() + 7 * 60_000 });
  await openProfile(page, SEED_IDS.ada.userId, 280, "light");
  const times = page.getByTestId("just-happened-event").locator("time");
  await expect(times.first()).toHaveAttribute("aria-label", ZONE, { timeout: 30_000 }); // hydrated: the agent's zone
  await expect(page.getByTestId("customer-local-time")).toBeVisible();
  const disagreeing = async () =>
    (
      await times.evaluateAll((els) => els.map((el) => `${el.textContent ?? ""} | ${el.getAttribute("aria-label")}`))
    ).filter((pair) => !pair.split(" | ")[1]?.startsWith(`${pair.split(" | ")[0]}, `));
  await expect.poll(disagreeing).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test("search: a failed page while searching keeps what is loaded and says what the search covered", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // The second page is asked for while the fault is on: the server cache keeps events 10 s only (CACHE_TTL_EVENTS_MS).
  const timeline = await openProfile(page, SEED_IDS.heavy.userId, 1440, "light");
  await expect(timeline.getByTestId("timeline-event").or(timeline.getByTestId("timeline-fold")).first()).toBeVisible({
    timeout: 30_000,
  });
  const search = timeline.getByRole("searchbox", { name: "Search loaded events" });
  await search.fill("zebra crossing");
  await expect(timeline.getByTestId("timeline-no-match")).toContainText("No loaded events match 'zebra crossing'.");
  await request.put(`${e2eEnv.simUrl}/__admin/faults`, { data: { errorRates: { "500": 1 } } });
  try {
    await timeline.getByRole("button", { name: /^Load more events \(\d+ loaded\)$/ }).click();
    await expect(timeline.getByTestId("inline-error")).toContainText("Could not load more events", {
      timeout: 60_000,
    });
  } finally {
    await request.post(`${e2eEnv.simUrl}/__admin/faults/reset`);
  }
  await timeline.getByTestId("inline-error").getByRole("button", { name: "Retry" }).click();
  await expect(timeline.getByTestId("timeline-no-match")).toContainText("No loaded events match 'zebra crossing'.");
  await expect(timeline.getByRole("button", { name: /^Load more events \(200 loaded\)$/ })).toBeVisible();
});
