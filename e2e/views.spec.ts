// The agent views in real Chromium against the simulator, signed in through the real demo sign-in (auth.setup.ts).
import { expect, test, type Locator, type Page, type Request } from "@playwright/test";
import { e2eEnv } from "../playwright.config";
import { SEED_IDS } from "../simulator/seed-ids";
import { seriousAxeViolations } from "./support/axe";

const profileUrl = (collection: string, id: string) => `/profiles/${collection}/${encodeURIComponent(id)}`;
const panel = (page: Page, name: string) => page.getByRole("region", { name });

/** Scrolls the timeline and returns once the browser has rendered the new position (two animation frames later). */
async function scrollTimeline(scroller: Locator, to: "half-a-page-down" | "bottom"): Promise<void> {
  await scroller.evaluate(async (el, where) => {
    el.scrollTo(0, where === "bottom" ? el.scrollHeight : el.scrollTop + el.clientHeight / 2);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, to);
}

/** The number of events the timeline says it has loaded (its aria-label). */
async function loadedEvents(scroller: Locator): Promise<number> {
  return Number(/(\d+) loaded/.exec((await scroller.getAttribute("aria-label")) ?? "")?.[1] ?? 0);
}

test("looks Ada up by each of her identifiers and marks the one used", async ({ page }) => {
  test.setTimeout(120_000); // five lookups, each probing the identifier before opening it
  for (const id of Object.values(SEED_IDS.ada)) {
    await page.goto("/");
    await page.getByLabel("Value").fill(id); // a whole pasted type:value wins over the type select
    await page.getByRole("button", { name: "Look up" }).click();
    await expect(page).toHaveURL(/\/profiles\/users\/h1\.[A-Za-z0-9_-]+$/);
    await expect(page.getByText(`user · ${id}`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
    const identities = panel(page, "Identities");
    const value = id.slice(id.indexOf(":") + 1);
    // Phone numbers are masked for agents by default (MASKED_ID_TYPES): the card shows only the hint, its last 4.
    const shown = id.startsWith("phone:") ? `…${value.slice(-4)}` : value;
    await expect(identities.getByRole("listitem").filter({ hasText: shown }).getByText("matched by")).toBeVisible();
    await expect(identities.getByText("matched by")).toHaveCount(1);
  }
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Recent lookups" }).getByRole("link")).toHaveCount(5);
});

test("full profile: identities, traits, audiences, verbose, search, timeline, metadata", async ({ page }) => {
  await page.goto(profileUrl("users", SEED_IDS.ada.userId));
  const identities = panel(page, "Identities");
  for (const label of ["User ID", "Email", "Phone", "Anonymous IDs", "Devices"])
    await expect(identities.getByRole("heading", { name: label })).toBeVisible();
  const traits = panel(page, "Traits & audiences");
  const firstRows = traits.getByTestId("trait-row");
  await expect(firstRows.first()).toContainText("name"); // pinned first
  await expect(traits.getByRole("link", { name: /ada\.example\.com\/about/ })).toBeVisible();
  await traits.getByPlaceholder("Search by key").fill("order");
  // last_order_total; avg_order_value and orders_last_30_days are computed traits, shown once, in the Computed tab.
  await expect(traits.getByTestId("trait-row")).toHaveCount(1);
  await traits.getByPlaceholder("Search by key").fill("");
  await traits.getByLabel("Source & last update").check();
  await expect(traits.getByText(/source \w+ · updated/).first()).toBeVisible();
  await traits.getByRole("tab", { name: "Audiences" }).click();
  await expect(traits.getByTestId("audience-row").filter({ hasText: "vip_support" })).toContainText("Member");
  await expect(traits.getByTestId("audience-row").filter({ hasText: "churn_risk" })).toContainText("Not a member");
  await traits.getByRole("tab", { name: "Computed" }).click();
  await expect(traits.getByText("lifetime_value")).toBeVisible();
  const timeline = panel(page, "Timeline");
  await expect(timeline.getByTestId("timeline-event").first()).toBeVisible();
  await expect(timeline.getByTestId("timeline-day").first()).toBeVisible();
  const time = timeline.locator("time").first();
  await expect(time).toHaveAttribute("aria-label", /\d{4}/);
  await timeline.getByTestId("timeline-event").first().getByRole("button").click();
  await expect(timeline.locator("pre").first()).toContainText('"message_id"');
  await expect(panel(page, "Profile metadata")).toContainText("First source");
});

test("timeline filters: event name sent to the API, type in the browser, time range", async ({ page }) => {
  await page.goto(profileUrl("users", SEED_IDS.ada.userId));
  const timeline = panel(page, "Timeline");
  await expect(timeline.getByTestId("timeline-event").first()).toBeVisible();
  const eventsRequest = page.waitForRequest(
    (r) => r.url().includes("/events?") && r.url().includes("include=Application+Opened"),
  );
  await timeline.getByLabel("Only events named").fill("Application Opened");
  await timeline.getByRole("button", { name: "Apply" }).click();
  await eventsRequest;
  await expect(timeline.getByTestId("timeline-event").first()).toContainText("Application Opened");
  const titles = await timeline.getByTestId("timeline-event").allTextContents();
  expect(titles.every((t) => t.includes("Application Opened"))).toBe(true);
  await timeline.getByLabel("Only events named").fill("");
  await timeline.getByRole("button", { name: "Apply" }).click();
  await timeline.getByRole("checkbox", { name: "identify" }).check();
  await expect(timeline.getByTestId("timeline-event").first()).toHaveAttribute("data-event-type", "identify");
  const types = await timeline
    .getByTestId("timeline-event")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-event-type")));
  expect(new Set(types)).toEqual(new Set(["identify"]));
  await timeline.getByRole("checkbox", { name: "identify" }).uncheck();
  const rangeRequest = page.waitForRequest((r) => r.url().includes("/events?") && r.url().includes("start="));
  await timeline.getByLabel("Time range").selectOption("1");
  await rangeRequest;
  await expect(timeline.getByTestId("timeline-end").or(timeline.getByTestId("timeline-event").first())).toBeVisible();
});

test("a profile that goes away while open: the panel says so instead of going blank", async ({ page, request }) => {
  await page.goto(profileUrl("users", SEED_IDS.ada.userId));
  const timeline = panel(page, "Timeline");
  await expect(timeline.getByTestId("timeline-event").first()).toBeVisible();
  // From here on the Profile API answers 404 for everything, as it would for a profile merged or deleted upstream.
  await request.put(`${e2eEnv.simUrl}/__admin/faults`, { data: { errorRates: { "404": 1 } } });
  try {
    await timeline.getByLabel("Only events named").fill("Plan Downgraded Gone");
    await timeline.getByRole("button", { name: "Apply" }).click();
    await expect(timeline.getByTestId("panel-gone")).toContainText("the Profile API no longer finds this profile");
    await expect(timeline.getByRole("alert")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  } finally {
    await request.post(`${e2eEnv.simUrl}/__admin/faults/reset`);
  }
  await timeline.getByTestId("panel-gone").getByRole("button", { name: "Retry" }).click();
  await expect(timeline.getByTestId("panel-gone")).toHaveCount(0);
  await expect(timeline.getByTestId("timeline-end").or(timeline.getByTestId("timeline-event").first())).toBeVisible();
});

test("timeline: hiding events by name is sent to the API and they disappear", async ({ page }) => {
  await page.goto(profileUrl("users", SEED_IDS.ada.anonymousId));
  const timeline = panel(page, "Timeline");
  await expect(timeline.getByRole("button", { name: "Application Opened" }).first()).toBeVisible();
  const eventsRequest = page.waitForRequest(
    (r) => r.url().includes("/events?") && r.url().includes("exclude=Application+Opened"),
  );
  await timeline.getByLabel("Hide events named").fill("Application Opened");
  await timeline.getByRole("button", { name: "Apply" }).click();
  await eventsRequest;
  await expect(timeline.getByTestId("timeline-event").first()).toBeVisible();
  await expect(timeline.getByRole("button", { name: "Application Opened" })).toHaveCount(0);
  const titles = await timeline.getByTestId("timeline-event").allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.some((t) => t.includes("Application Opened"))).toBe(false);
});

test("timeline: a run of page views is one 'N pages viewed' row that expands", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(profileUrl("users", SEED_IDS.heavy.userId));
  const scroller = page.getByTestId("timeline-scroll");
  const fold = scroller.getByTestId("timeline-fold").first();
  await expect(scroller.locator("[data-index]").first()).toBeVisible();
  for (let i = 0; i < 100 && !(await fold.isVisible()); i += 1) await scrollTimeline(scroller, "half-a-page-down");
  const toggle = fold.getByRole("button", { name: /^\d+ pages viewed$/ });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  const count = Number(/^(\d+)/.exec((await toggle.textContent()) ?? "")?.[1]);
  expect(count).toBeGreaterThan(1);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(fold.getByRole("listitem")).toHaveCount(count);
  await toggle.click();
  await expect(fold.getByRole("listitem")).toHaveCount(0);
});

test("traits: Load more follows the cursor until every trait is shown", async ({ page }) => {
  await page.goto(profileUrl("users", SEED_IDS.manyTraits.userId));
  const traits = panel(page, "Traits & audiences");
  // Byte order puts custom_001…custom_120 first: the pinned name, email and plan are on page 3, yet shown first.
  await expect(traits.getByTestId("trait-row")).toHaveCount(53);
  await expect(traits.getByTestId("trait-row").nth(0)).toContainText("name");
  await expect(traits.getByTestId("trait-row").nth(1)).toContainText("email");
  await expect(traits.getByTestId("trait-row").nth(2)).toContainText("plan");
  await expect(traits.getByTestId("trait-row").nth(3)).toContainText("custom_001");
  // A search before every page is loaded says it covers only the loaded traits.
  await traits.getByPlaceholder("Search by key").fill("custom_12");
  await expect(traits.getByTestId("partial-search")).toHaveText(
    "Searching the 53 loaded traits — Load more to search all.",
  );
  await expect(traits.getByTestId("trait-row")).toHaveCount(0);
  await traits.getByPlaceholder("Search by key").fill("");
  await expect(traits.getByTestId("partial-search")).toHaveCount(0);
  await traits.getByRole("button", { name: "Load more traits (53 shown)" }).click();
  await expect(traits.getByTestId("trait-row")).toHaveCount(103);
  await traits.getByRole("button", { name: "Load more traits (103 shown)" }).click();
  await expect(traits.getByTestId("trait-row")).toHaveCount(125); // 120 custom + first/last name, name, email, plan
  await expect(traits.getByRole("button", { name: /Load more/ })).toHaveCount(0);
  await expect(traits.getByTestId("trait-row").nth(0)).toContainText("name");
  await traits.getByPlaceholder("Search by key").fill("custom_120");
  await expect(traits.getByTestId("trait-row")).toHaveCount(1);
  await expect(traits.getByTestId("partial-search")).toHaveCount(0);
});

test("the heavy user's timeline scrolls to the 14-day edge with a bounded DOM", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(profileUrl("users", SEED_IDS.heavy.userId));
  const scroller = page.getByTestId("timeline-scroll");
  await expect(scroller.getByTestId("timeline-event").or(scroller.getByTestId("timeline-fold")).first()).toBeVisible();
  let maxRows = 0;
  const end = scroller.getByTestId("timeline-end");
  for (let i = 0; i < 400 && !(await end.isVisible()); i += 1) {
    const before = await loadedEvents(scroller);
    await scrollTimeline(scroller, "bottom");
    maxRows = Math.max(maxRows, await scroller.locator("[data-index]").count());
    // At the bottom of what is loaded: the next page comes in, or the edge of the history shows.
    await expect
      .poll(async () => (await end.isVisible()) || (await loadedEvents(scroller)) > before, { timeout: 30_000 })
      .toBe(true);
  }
  await expect(end).toContainText("older history is not available from the Profile API");
  expect(await loadedEvents(scroller)).toBeGreaterThan(3000);
  expect(maxRows).toBeGreaterThan(5);
  expect(maxRows).toBeLessThanOrEqual(60); // thousands of events, a few dozen rows in the DOM
});

test("timeline: a failed next page keeps the rows and offers an inline Retry", async ({ page, request }) => {
  test.setTimeout(240_000);
  // An identifier no other test opens: the server cache (identifier + query) holds none of its pages.
  await page.goto(profileUrl("users", "email:heavy@example.com"));
  const scroller = page.getByTestId("timeline-scroll");
  const rows = scroller.getByTestId("timeline-event").or(scroller.getByTestId("timeline-fold"));
  await expect(rows.first()).toBeVisible();
  await expect(scroller.getByText("Loading more events")).toHaveCount(0);
  const loaded = () => loadedEvents(scroller);
  await request.put(`${e2eEnv.simUrl}/__admin/faults`, { data: { errorRates: { "500": 1 } } });
  let before: number;
  try {
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(scroller.getByTestId("inline-error")).toContainText("Could not load more events", {
      timeout: 120_000,
    });
    before = await loaded();
    expect(before).toBeGreaterThan(0);
    await scroller.evaluate((el) => el.scrollTo(0, 0));
    await expect(rows.first()).toBeVisible();
    await expect(page.getByText("Events could not be loaded")).toHaveCount(0);
  } finally {
    await request.post(`${e2eEnv.simUrl}/__admin/faults/reset`);
  }
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await scroller.getByTestId("inline-error").getByRole("button", { name: "Retry" }).click();
  await expect.poll(loaded, { timeout: 60_000 }).toBeGreaterThan(before);
  await expect(scroller.getByTestId("inline-error")).toHaveCount(0);
});

test("opens a linked account and comes back", async ({ page }) => {
  await page.goto(profileUrl("users", SEED_IDS.ada.userId));
  const accounts = panel(page, "Accounts");
  await expect(accounts.getByTestId("linked-profile")).toHaveCount(3);
  await accounts.getByRole("link", { name: "Acme Corp" }).click();
  await expect(page).toHaveURL(/\/profiles\/accounts\/h1\.[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
  await expect(panel(page, "Users of this account").getByTestId("linked-profile").first()).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
});

test("404: says no profile has that identifier and offers the lookup", async ({ page }) => {
  await page.goto(profileUrl("users", "user_id:nobody_here"));
  await expect(page.getByTestId("profile-not-found")).toContainText(
    "No user profile has the identifier user_id:nobody_here",
  );
  await page.getByRole("link", { name: "Look up another identifier" }).click();
  await expect(page.getByLabel("Value")).toBeVisible();
});

/** Records, from the first byte of the page on, whether any panel ever showed a "could not be loaded" error. */
async function watchPanelErrors(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __panelErrors: string[] };
    w.__panelErrors = [];
    new MutationObserver(() => {
      for (const alert of document.querySelectorAll("[role=alert]")) {
        if (alert.textContent?.includes("could not be loaded")) w.__panelErrors.push(alert.textContent);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __panelErrors: string[] }).__panelErrors);
}

test("404 after the server's budget ran out: no panel flashes its own Not found error", async ({ page, request }) => {
  test.setTimeout(60_000);
  // Slower than the server's 400 ms prefetch budget: the browser asks for everything itself and gets 404s.
  await request.put(`${e2eEnv.simUrl}/__admin/faults`, { data: { latencyMs: 700 } });
  try {
    const panelErrors = await watchPanelErrors(page);
    const inFlight = new Set<Request>();
    let answered = 0;
    const settle = (r: Request) => void (inFlight.delete(r) && (answered += 1));
    page.on("request", (r) => void (r.url().includes("/api/profiles/") && inFlight.add(r)));
    page.on("requestfinished", settle);
    page.on("requestfailed", settle);
    await page.goto(profileUrl("users", "user_id:nobody_slow"));
    await expect(page.getByTestId("profile-not-found")).toBeVisible({ timeout: 30_000 });
    // Every request the panels made has its 404 back, and the page has rendered whatever those answers caused:
    // a panel that would show its own error has shown it by now.
    await expect.poll(() => inFlight.size === 0 && answered > 1, { timeout: 30_000 }).toBe(true);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await panelErrors()).toEqual([]);
  } finally {
    await request.post(`${e2eEnv.simUrl}/__admin/faults/reset`);
  }
});

test("sidebar at 280 px: no horizontal scroll, linked account inside the sidebar", async ({ page }) => {
  await page.setViewportSize({ width: 280, height: 900 });
  await page.goto(`/embed?id=${encodeURIComponent(SEED_IDS.ada.email)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  await expect(page.getByTestId("timeline-event").first()).toBeVisible();
  await expect(page.getByTestId("linked-profile").first()).toContainText(/Corp|Inc|Ltd|\w/);
  const overflow = () =>
    page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
  let { sw, cw } = await overflow();
  expect(sw).toBeLessThanOrEqual(cw);
  await page.getByTestId("linked-profile").getByRole("button", { name: "Acme Corp" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
  ({ sw, cw } = await overflow());
  expect(sw).toBeLessThanOrEqual(cw);
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
});

test("sidebar 404: a lookup inside the sidebar opens the next profile there (a group_id opens the account)", async ({
  page,
}) => {
  await page.setViewportSize({ width: 300, height: 900 });
  await page.goto(`/embed?id=${encodeURIComponent("user_id:nobody_in_sidebar")}`);
  const notFound = page.getByTestId("profile-not-found");
  await expect(notFound).toContainText("user_id:nobody_in_sidebar");
  await notFound.getByLabel("Identifier (type:value)").fill("group_id:acct_acme");
  await notFound.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
  await expect(page.getByText("account · group_id:acct_acme")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/embed");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByTestId("profile-not-found")).toBeVisible();
});

test("sidebar with a bad ?id=: says why and offers the lookup inside the sidebar", async ({ page }) => {
  await page.goto("/embed?id=not-an-identifier");
  await expect(page.getByRole("alert").first()).toContainText(/type|:/);
  const lookup = page.getByTestId("sidebar-lookup");
  await expect(lookup.getByLabel("Identifier (type:value)")).toHaveValue("not-an-identifier");
  await lookup.getByLabel("Identifier (type:value)").fill("nonsense");
  await lookup.getByRole("button", { name: "Look up" }).click();
  await expect(lookup.getByRole("alert")).toBeVisible();
  await lookup.getByLabel("Identifier (type:value)").fill(SEED_IDS.ada.email);
  await lookup.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/embed");
});

test("keyboard: look up, move between trait tabs, reach the timeline", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Identifier type").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Value")).toBeFocused();
  await page.keyboard.type("u_ada");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  const traitsTab = page.getByRole("tab", { name: "Traits" });
  await traitsTab.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Computed" })).toBeFocused();
  await expect(page.getByRole("tab", { name: "Computed" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("End");
  await expect(page.getByRole("tab", { name: "Audiences" })).toHaveAttribute("aria-selected", "true");
  const time = page.getByTestId("timeline-event").first().locator("time");
  await time.focus();
  await expect(time).toBeFocused();
  const outline = await time.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
});

test("keyboard: Tab from the filters into the timeline and expand an event with Enter", async ({ page }) => {
  await page.goto(profileUrl("users", SEED_IDS.ada.userId));
  const timeline = panel(page, "Timeline");
  const scroller = timeline.getByTestId("timeline-scroll");
  await expect(scroller.getByTestId("timeline-event").first()).toBeVisible();
  await timeline.getByRole("checkbox").last().focus();
  await page.keyboard.press("Tab");
  await expect(scroller).toBeFocused();
  await page.keyboard.press("Tab");
  const first = scroller.getByRole("button").first();
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  await expect(first).toHaveAttribute("aria-expanded", "true");
  await expect(scroller.locator("pre").or(scroller.getByRole("listitem")).first()).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(scroller.locator("time").first()).toBeFocused();
});

test("timeline: the absolute time shows on keyboard focus and on hover", async ({ page }) => {
  await page.goto(profileUrl("users", SEED_IDS.ada.phone));
  const event = page.getByTestId("timeline-event").first();
  await expect(event).toBeVisible();
  const tooltip = event.getByTestId("event-time-tooltip");
  await expect(tooltip).toBeHidden();
  // Real Tab presses from the event's own button land on its time.
  await event.getByRole("button").first().focus();
  await page.keyboard.press("Tab");
  await expect(event.locator("time")).toBeFocused();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toHaveText(/\d{4}/);
  const label = await event.locator("time").getAttribute("aria-label");
  expect(label).toContain(await tooltip.textContent());
  await page.keyboard.press("Tab");
  await expect(tooltip).toBeHidden();
  await event.locator("time").hover();
  await expect(tooltip).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe: no serious or critical violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const pages = [
      profileUrl("users", SEED_IDS.ada.userId),
      `/embed?id=${encodeURIComponent(SEED_IDS.ada.userId)}`,
      "/",
    ];
    for (const url of pages) {
      await page.goto(url);
      if (url !== "/") {
        await expect(page.getByTestId("timeline-event").first()).toBeVisible();
        await expect(page.getByTestId("linked-profile").first().locator("dl")).toBeVisible();
      }
      expect(await seriousAxeViolations(page), url).toEqual([]);
    }
  });

  test(`axe: the 404 state, full page and sidebar (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of [
      profileUrl("users", "user_id:nobody_axe"),
      `/embed?id=${encodeURIComponent("user_id:nobody_axe")}`,
    ]) {
      await page.goto(url);
      await expect(page.getByTestId("profile-not-found")).toBeVisible();
      expect(await seriousAxeViolations(page), url).toEqual([]);
    }
  });

  test(`axe: the sign-in page, signed out (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({
      baseURL: e2eEnv.appUrl,
      storageState: { cookies: [], origins: [] },
      colorScheme: scheme,
    });
    try {
      const page = await context.newPage();
      for (const url of ["/sign-in", "/sign-in?error=AccessDenied"]) {
        await page.goto(url);
        await expect(page.getByRole("button", { name: /sign in/i }).first()).toBeVisible();
        expect(await seriousAxeViolations(page), url).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
}

test("axe: the error states (every Profile API call fails), full page and sidebar", async ({ page, request }) => {
  test.setTimeout(150_000);
  await request.put(`${e2eEnv.simUrl}/__admin/faults`, { data: { errorRates: { "500": 1 } } });
  try {
    // Identifiers no other test opens: the server cache (keyed by identifier) must not hold an answer for them.
    for (const url of [
      profileUrl("users", "email:axe-error@example.com"),
      `/embed?id=${encodeURIComponent("anonymous_id:axe-error")}`,
    ]) {
      await page.goto(url);
      await expect(page.getByTestId("view-failure")).toContainText("Profile API unavailable", { timeout: 60_000 });
      expect(await seriousAxeViolations(page), url).toEqual([]);
    }
  } finally {
    await request.post(`${e2eEnv.simUrl}/__admin/faults/reset`);
  }
});

test("an identifier needing every kind of escaping opens its own profile", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Value").fill(SEED_IDS.weird.userId);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByText(`user · ${SEED_IDS.weird.userId}`)).toBeVisible();
  await expect(page.getByTestId("profile-not-found")).toHaveCount(0);
  await expect(panel(page, "Identities").getByText("matched by")).toBeVisible();
});

/** The server cache's answer (X-Cache) to each of the browser's own BFF calls for a profile's parts (not live polls). */
function cacheAnswers(page: Page): string[] {
  const answers: string[] = [];
  page.on("response", (r) => {
    const url = r.url();
    if (url.includes("/api/profiles/") && !url.includes("/events/new")) answers.push(r.headers()["x-cache"] ?? "none");
  });
  return answers;
}

test("the browser's calls are answered from the server cache; only Refresh bypasses it", async ({ page }) => {
  await page.goto(profileUrl("users", SEED_IDS.ada.anonymousId));
  await expect(page.getByTestId("timeline-event").first()).toBeVisible();
  const answers = cacheAnswers(page);
  await page.reload();
  await expect(page.getByTestId("timeline-event").first()).toBeVisible();
  // Chromium adds `Cache-Control: no-cache` to a `cache: "no-store"` fetch: the BFF must not take that for a refresh.
  await expect.poll(() => answers.filter((a) => a === "HIT").length, { timeout: 10_000 }).toBeGreaterThan(0);
  expect(answers, "a plain page load asked the server to bypass its cache").not.toContain("BYPASS");
  answers.length = 0;
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByText("Profile refreshed")).toBeAttached();
  expect(answers.length).toBeGreaterThan(0);
  expect(new Set(answers)).toEqual(new Set(["BYPASS"]));
});

test("Refresh re-fetches every panel bypassing the server cache", async ({ page }) => {
  await page.goto(profileUrl("users", SEED_IDS.ada.userId));
  await expect(page.getByTestId("timeline-event").first()).toBeVisible();
  const bypassing: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/profiles/") && r.headers()["cache-control"] === "no-cache")
      bypassing.push(new URL(r.url()).pathname);
  });
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByText("Profile refreshed")).toBeAttached();
  const parts = new Set(bypassing.map((p) => p.split("/").pop()));
  for (const part of ["traits", "external_ids", "events", "metadata", "links"]) expect(parts, part).toContain(part);
});

test("the sidebar's traits and identities load their code after the first screen, their data from the page", async ({
  page,
}) => {
  // Their code is not among the page's first scripts (issue 15), but their data came with the page: once the code is
  // there they show at once, with no request of their own for Ada's traits or identities (the header's account names
  // are the accounts' own traits).
  const asked: string[] = [];
  page.on("request", (r) => {
    const part = new URL(r.url()).pathname.match(/^\/api\/profiles\/users\/[^/]+\/(traits|external_ids)/)?.[1];
    if (part) asked.push(part);
  });
  await page.setViewportSize({ width: 280, height: 800 });
  await page.goto(`/embed?id=${encodeURIComponent(SEED_IDS.ada.email)}`);
  await expect(panel(page, "Traits & audiences").getByText("Head of Analytics")).toBeVisible();
  await page.getByRole("button", { name: "Identities", exact: true }).click();
  await expect(panel(page, "Identities").getByText("6D92078A-8246-4BA4-AE5B-76104861E7DC")).toBeVisible();
  expect(asked).toEqual([]);
});

test.describe("first paint", () => {
  // Without JavaScript only the server's HTML is on screen: the page must already hold the header, identities and
  // traits (prefetched on the server) rather than skeletons waiting for the browser's own requests.
  test.use({ javaScriptEnabled: false });

  for (const path of [profileUrl("users", SEED_IDS.ada.email), `/embed?id=${encodeURIComponent(SEED_IDS.ada.email)}`]) {
    test(`${path.split("?")[0]} comes with identities and traits in its HTML`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByText("Ada Lovelace").first()).toBeVisible();
      await expect(page.getByTestId("summary-facts").getByText("Acme Corp").first()).toBeVisible();
      if (path.startsWith("/embed")) {
        // The sidebar folds the identities to one line (agent-first order, issue 11). Identities and traits sit below
        // its first screen: their code loads after it (issue 15), so the HTML holds their panels, not their rows.
        await expect(panel(page, "Identities").getByTestId("section-folded-line")).toHaveText(
          "matched by e-mail · 9 identifiers",
        );
        await expect(panel(page, "Traits & audiences").getByRole("status", { name: "Loading traits" })).toBeAttached();
      } else {
        await expect(panel(page, "Identities").getByText("6D92078A-8246-4BA4-AE5B-76104861E7DC")).toBeVisible();
        await expect(panel(page, "Identities").getByText("matched by")).toHaveCount(1);
        await expect(panel(page, "Traits & audiences").getByText("Head of Analytics")).toBeVisible();
      }
    });
  }

  for (const path of [
    profileUrl("users", "user_id:nobody_first_paint"),
    `/embed?id=${encodeURIComponent("user_id:nobody_first_paint")}`,
  ]) {
    test(`${path.split("?")[0]} of an unknown profile comes as the 404 state in its HTML, with no panels`, async ({
      page,
    }) => {
      await page.goto(path);
      await expect(page.getByTestId("profile-not-found")).toContainText(
        "No user profile has the identifier user_id:nobody_first_paint",
      );
      await expect(page.getByRole("region")).toHaveCount(0);
      await expect(page.getByText("could not be loaded")).toHaveCount(0);
    });
  }
});
