// Issue 11, point 10: the live timeline. New events (appended through the simulator's admin endpoint) appear behind
// an "N new events" marker without a reload; polling pauses while the page is hidden; and however many pages watch a
// profile, the Profile API sees at most one call per polling interval (LIVE_TIMELINE_INTERVAL_SECONDS=3 in e2e).
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { e2eEnv } from "../playwright.config";
import type { SimulatorStats } from "../simulator/stats";
import { seriousAxeViolations } from "./support/axe";
import { openProfile, scrollTimelineTo } from "./support/timeline";

const INTERVAL_MS = 3_000;

/**
 * Crowd customers no other spec opens (their cache entries and appended events are this spec's own): ones with 50+
 * events, so the list scrolls; u_1246 has none at all.
 */
const LONG = ["user_id:u_1214", "user_id:u_1220", "user_id:u_1281", "user_id:u_1256"] as const;
const TWO_PAGES = "user_id:u_1212";
const NO_EVENTS = "user_id:u_1246";

async function appendEvent(request: APIRequestContext, id: string, event: string, properties = {}) {
  const response = await request.post(`${e2eEnv.simUrl}/__admin/events`, { data: { id, event, properties } });
  expect(response.status()).toBe(201);
}

async function upstreamEventCalls(request: APIRequestContext): Promise<number> {
  const stats = (await (await request.get(`${e2eEnv.simUrl}/__admin/stats`)).json()) as SimulatorStats;
  return stats.requests.byRoute.events ?? 0;
}

/** Counts this page's live polls (the browser's calls to …/events/new) and the ones the server cache answered. */
function countPolls(page: Page): { count: () => number; hits: () => number } {
  let n = 0;
  let hits = 0;
  page.on("request", (r) => {
    if (/\/events\/new\?/.test(r.url())) n += 1;
  });
  page.on("response", (r) => {
    if (/\/events\/new\?/.test(r.url()) && r.headers()["x-cache"] === "HIT") hits += 1;
  });
  return { count: () => n, hits: () => hits };
}

/** Makes the page hidden or visible as a switched-away tab is (React Query listens to visibilitychange). */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (h ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => h });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  }, hidden);
}

const combos = [
  [280, "light"],
  [280, "dark"],
  [1440, "light"],
  [1440, "dark"],
] as const;

combos.forEach(([width, scheme], i) => {
  test(`new events wait behind an "N new events" marker; a click shows them at the top (${width} px, ${scheme})`, async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const id = LONG[i] ?? LONG[0];
    const timeline = await openProfile(page, id, width, scheme);
    const scroller = timeline.getByTestId("timeline-scroll");
    const rows = scroller.getByTestId("timeline-event").or(scroller.getByTestId("timeline-fold"));
    await expect(rows.first()).toBeVisible({ timeout: 30_000 });
    const firstBefore = await rows.first().textContent();
    await scrollTimelineTo(scroller, 120); // the agent is reading a little further down

    await appendEvent(request, id, "Payment Failed", { amount: 42, currency: "USD", reason: "card_declined" });
    const marker = timeline.getByTestId("new-events-marker");
    await expect(marker).toHaveText("1 new event", { timeout: 4 * INTERVAL_MS });
    // Nothing moved under the agent's reading.
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(120);
    await scrollTimelineTo(scroller, 0);
    expect(await rows.first().textContent()).toBe(firstBefore);
    expect(await seriousAxeViolations(page), `marker at ${width} px, ${scheme}`).toEqual([]);

    await scrollTimelineTo(scroller, 120);
    await marker.click();
    await expect(marker).toHaveCount(0);
    await expect(rows.first()).toContainText("Payment Failed");
    await expect(rows.first()).toHaveAttribute("data-important", "true");
    await expect(rows.first().locator("time")).toHaveText(/just now|1 min ago/);
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
    await expect(scroller).toBeFocused();

    // More arrive: counted together, and the one already shown is not counted again.
    await appendEvent(request, id, "Support Ticket Opened", { subject: "Card declined" });
    await appendEvent(request, id, "Order Completed", { order_id: "o-live", total: 12 });
    await expect(marker).toHaveText("2 new events", { timeout: 4 * INTERVAL_MS });
    await marker.click();
    await expect(rows.nth(0)).toContainText("Order Completed");
    await expect(rows.nth(1)).toContainText("Support Ticket Opened");
    await expect(rows.nth(2)).toContainText("Payment Failed");
  });
});

test("two pages on one profile: at most one upstream call per interval, none while nothing is visible", async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(120_000);
  const id = TWO_PAGES;
  const other = await context.newPage();
  const pages = [page, other];
  const polls = pages.map(countPolls);
  for (const p of pages) {
    const timeline = await openProfile(p, id, 1440, "light");
    await expect(timeline.getByTestId("timeline-scroll")).toBeVisible({ timeout: 30_000 });
  }
  // Each page has polled once (its first poll comes with the timeline): start counting from a settled state.
  await expect.poll(() => Math.min(...polls.map((p) => p.count())), { timeout: 4 * INTERVAL_MS }).toBeGreaterThan(0);
  await request.post(`${e2eEnv.simUrl}/__admin/stats/reset`);
  const started = Date.now();
  const pollsBefore = polls.map((p) => p.count());
  // Four more polls from each page.
  await expect
    .poll(() => Math.min(...polls.map((p, i) => p.count() - (pollsBefore[i] ?? 0))), { timeout: 8 * INTERVAL_MS })
    .toBeGreaterThanOrEqual(4);
  const elapsed = Date.now() - started;
  const browserPolls = polls.reduce((n, p, i) => n + p.count() - (pollsBefore[i] ?? 0), 0);
  const upstream = await upstreamEventCalls(request);
  const intervals = Math.floor(elapsed / INTERVAL_MS) + 1;
  expect(browserPolls).toBeGreaterThanOrEqual(8);
  expect(
    polls.reduce((n, p) => n + p.hits(), 0),
    "polls answered from the server cache",
  ).toBeGreaterThan(0);
  expect(upstream, `${browserPolls} polls in ${elapsed} ms`).toBeGreaterThanOrEqual(1);
  expect(upstream, `${browserPolls} polls in ${elapsed} ms`).toBeLessThanOrEqual(intervals);

  // Both pages hidden: no polls, no upstream calls; the event waits until a page is visible again.
  for (const p of pages) await setHidden(p, true);
  const hiddenAt = polls.map((p) => p.count());
  await request.post(`${e2eEnv.simUrl}/__admin/stats/reset`);
  await appendEvent(request, id, "Support Ticket Opened", { subject: "While hidden" });
  // A negative over time: three intervals pass with the pages hidden (nothing to wait for but the clock).
  await page.waitForTimeout(3 * INTERVAL_MS);
  expect(polls.map((p) => p.count())).toEqual(hiddenAt);
  expect(await upstreamEventCalls(request)).toBe(0);
  await expect(page.getByTestId("new-events-marker")).toHaveCount(0);
  await setHidden(page, false);
  await expect(page.getByTestId("new-events-marker")).toHaveText("1 new event", { timeout: 2 * INTERVAL_MS });
  expect(polls[1]?.count()).toBe(hiddenAt[1]);
  await other.close();
});

test("a failing poll stays quiet and the next interval catches up (a customer with no events yet)", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const id = NO_EVENTS;
  const timeline = await openProfile(page, id, 280, "light");
  await expect(timeline.getByTestId("timeline-scroll")).toBeVisible({ timeout: 30_000 });
  const polls = countPolls(page);
  await request.put(`${e2eEnv.simUrl}/__admin/faults`, { data: { errorRates: { "503": 1 } } });
  try {
    await appendEvent(request, id, "Payment Failed", { amount: 5 });
    const before = polls.count();
    // Two polls fail (upstream 503 after the server's retries) without an alarm in the view.
    await expect.poll(() => polls.count() - before, { timeout: 10 * INTERVAL_MS }).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId("view-failure")).toHaveCount(0);
    await expect(timeline.getByTestId("inline-error")).toHaveCount(0);
    await expect(timeline.getByTestId("new-events-marker")).toHaveCount(0);
  } finally {
    await request.post(`${e2eEnv.simUrl}/__admin/faults/reset`);
  }
  await expect(timeline.getByTestId("new-events-marker")).toHaveText("1 new event", { timeout: 4 * INTERVAL_MS });
});
