// DESIGN §10 "Identifier-free URLs", in real Chromium: every URL the browser asked for (pages, the BFF, frames) and
// every address in its history while an agent works, and no identifier value in any of them.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { SEED_IDS } from "../simulator/seed-ids";
import { e2eEnv } from "../playwright.config";
import { signZendeskToken } from "./support/host-assertions";
import { type HostServer, startHostServer, zendeskHostHtml } from "./support/host-server";

/** Every URL the context requested (all pages and frames) and every address a frame navigated to. */
function recordUrls(context: BrowserContext, page: Page) {
  const requested: string[] = [];
  const history: string[] = [];
  context.on("request", (request) => requested.push(request.url()));
  page.on("framenavigated", (frame) => history.push(frame.url()));
  return { requested, history };
}

/** A URL decoded as often as it still changes (a value encoded twice is still found), bounded. */
function decodedForms(url: string): string[] {
  const forms = [url];
  for (let i = 0; i < 4; i += 1) {
    let next: string;
    try {
      next = decodeURIComponent((forms.at(-1) ?? "").replace(/\+/g, " "));
    } catch {
      break;
    }
    if (next === forms.at(-1)) break;
    forms.push(next);
  }
  return forms;
}

/** The identifier values that must appear in no URL: clear, any case, base64 / base64url, and the phone's digits. */
function forbiddenIn(url: string, secrets: readonly string[]): string[] {
  const haystacks = decodedForms(url).flatMap((form) => [form.toLowerCase(), form.replace(/\D/g, "")]);
  return secrets.filter((secret) => {
    const needles = [
      secret.toLowerCase(),
      Buffer.from(secret).toString("base64").replace(/=+$/, "").toLowerCase(),
      Buffer.from(secret).toString("base64url").toLowerCase(),
    ];
    const digits = /^\+?\d{7,}$/.test(secret) ? [secret.replace(/\D/g, "")] : [];
    return haystacks.some((hay) => needles.some((n) => hay.includes(n)) || digits.some((d) => hay.includes(d)));
  });
}

function expectNoIdentifierIn(urls: readonly string[], secrets: readonly string[]) {
  const leaks = urls.flatMap((url) => forbiddenIn(url, secrets).map((secret) => `${secret} in ${url}`));
  expect(leaks, "identifier values found in URLs").toEqual([]);
}

const valueOf = (id: string) => id.slice(id.indexOf(":") + 1);
const ADA = [valueOf(SEED_IDS.ada.email), valueOf(SEED_IDS.ada.phone), valueOf(SEED_IDS.ada.userId)];
const HEAVY = [valueOf(SEED_IDS.heavy.userId)];
const ACME = ["acct_acme"];

const lookUp = async (page: Page, value: string, type?: string) => {
  await page.goto("/");
  if (type) await page.getByLabel("Identifier type").selectOption(type);
  await page.getByLabel("Value").fill(value);
  await page.getByRole("button", { name: "Look up" }).click();
};

test("look up by e-mail and phone, load more timeline, follow a linked account: no identifier in any URL or history entry", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const { requested, history } = recordUrls(context, page);
  await lookUp(page, "Ada@Example.com");
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  await expect(page).toHaveURL(/\/profiles\/users\/h1\.[A-Za-z0-9_-]+$/);
  const byEmail = page.url();
  // The linked account opens by its handle; back in history is Ada's handle address.
  await page.getByRole("region", { name: "Accounts" }).getByRole("link", { name: "Acme Corp" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
  await expect(page).toHaveURL(/\/profiles\/accounts\/h1\.[A-Za-z0-9_-]+$/);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  await lookUp(page, "+1 555 010 0001", "phone");
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  expect(page.url()).not.toBe(byEmail); // found by another identifier: its own handle ("matched by" differs)
  // The same customer looked up again has the same address (one URL per customer and identifier).
  await lookUp(page, "ada@example.com");
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  expect(page.url()).toBe(byEmail);
  // A long timeline: the next page is asked for by the handle, with the cursor.
  await lookUp(page, valueOf(SEED_IDS.heavy.userId), "user_id");
  const scroller = page.getByTestId("timeline-scroll");
  await expect(scroller.getByTestId("timeline-event").first()).toBeVisible();
  const nextPage = page.waitForRequest((r) => /\/events\?.*next=/.test(r.url()));
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await nextPage;
  // Recent lookups link by handle too.
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Recent lookups" }).getByRole("link").first()).toBeVisible();
  const recentLinks = await page
    .getByRole("region", { name: "Recent lookups" })
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));

  expect(requested.some((url) => url.includes("/api/lookup"))).toBe(true);
  expect(requested.some((url) => /\/api\/profiles\/users\/h1\./.test(url))).toBe(true);
  expectNoIdentifierIn([...requested, ...history, ...recentLinks], [...ADA, ...HEAVY, ...ACME]);
});

test.describe("inside a host", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  let host: HostServer;
  test.beforeAll(async () => {
    host = await startHostServer(Number(new URL(e2eEnv.hostUrl).port));
  });
  test.afterAll(async () => host.close());

  test("the Zendesk sidebar (requester from the host) calls the BFF by handle, also in its frame", async ({
    page,
    context,
  }) => {
    const { requested, history } = recordUrls(context, page);
    const ada = { id: 101, name: "Ada Lovelace", email: "ada@example.com", externalId: valueOf(SEED_IDS.ada.userId) };
    const token = await signZendeskToken();
    await page.goto(host.show("handles-zendesk", zendeskHostHtml(e2eEnv.appUrl, e2eEnv.hostUrl, token, ada)));
    const frame = page.frameLocator("#app");
    await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
    await frame.getByTestId("linked-profile").getByRole("button", { name: "Acme Corp" }).click();
    await expect(frame.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
    expect(requested.some((url) => /\/api\/profiles\/users\/h1\./.test(url))).toBe(true);
    expect(history.some((url) => url.includes("/embed/zendesk/sidebar"))).toBe(true);
    expectNoIdentifierIn([...requested, ...history], [...ADA, ...ACME]);
  });
});
