// Salesforce Canvas signed-request sign-in, inside a cross-site host page, and the attacks it must refuse.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { SEED_IDS } from "../simulator/seed-ids";
import { e2eEnv } from "../playwright.config";
import { canvasEnvelope, signCanvasRequest } from "./support/host-assertions";
import { type HostServer, salesforceHostHtml, startHostServer } from "./support/host-server";
import { keepNoCookiesFor } from "./support/no-cookies";
import { seriousAxeViolations } from "./support/axe";

test.use({ storageState: { cookies: [], origins: [] } });

let host: HostServer;
test.beforeAll(async () => {
  host = await startHostServer(Number(new URL(e2eEnv.hostUrl).port));
});
test.afterAll(async () => host.close());

const adaUserId = SEED_IDS.ada.userId.slice("user_id:".length);
/** Salesforce's documented CanvasRequest example, `issuedAt: null` (tests/fixtures). */
const documentedExample: unknown = JSON.parse(
  readFileSync(new URL("../tests/fixtures/salesforce-canvas-request-example.json", import.meta.url), "utf8"),
);

test("a valid signed request shows the record's customer in the canvas frame, and no Salesforce token reaches it", async ({
  page,
}) => {
  const signed = signCanvasRequest(
    canvasEnvelope({}, { External_Id__c: adaUserId, Email: "someone-else@example.com" }),
  );
  await page.goto(host.show("sf-ok", salesforceHostHtml(e2eEnv.appUrl, signed)));
  const frame = page.frameLocator("#canvas");
  await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
  const html = await page.frame({ name: "canvas" })?.content();
  expect(html).not.toContain("SALESFORCE-USER-TOKEN");
  expect(html).not.toContain(e2eEnv.salesforceSecret);
});

test("axe: the Salesforce canvas sidebar has no serious or critical violations", async ({ page }) => {
  const signed = signCanvasRequest(canvasEnvelope({}, { External_Id__c: adaUserId }));
  await page.goto(host.show("sf-axe", salesforceHostHtml(e2eEnv.appUrl, signed)));
  const frame = page.frameLocator("#canvas");
  await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
  await expect(frame.getByTestId("timeline-event").first()).toBeVisible();
  const canvas = page.frame({ name: "canvas" });
  expect(canvas).not.toBeNull();
  expect(await seriousAxeViolations(canvas!)).toEqual([]);
});

test("a Lead mapped by e-mail, sent in URL-safe base64, signs in too", async ({ request }) => {
  const envelope = canvasEnvelope({}, { attributes: { type: "Lead" }, Email: "ada@example.com" });
  const encoded = Buffer.from(JSON.stringify(envelope)).toString("base64url");
  const { createHmac } = await import("node:crypto");
  const signed = `${createHmac("sha256", e2eEnv.salesforceSecret).update(encoded).digest("base64url")}.${encoded}`;
  const response = await request.post("/embed/salesforce", { form: { signed_request: signed }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  const location = new URL(String(response.headers().location), e2eEnv.appUrl);
  expect(location.pathname).toBe("/embed/salesforce/sidebar");
  // The record's customer travels sealed in `ctx`, never in clear.
  expect(location.searchParams.get("id")).toBeNull();
  expect(location.searchParams.get("ctx")).toMatch(/^[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
  expectNoCustomerIn(String(response.headers().location));
  expect(location.searchParams.get("code")).toBeTruthy();
  expect(response.headers()["set-cookie"]).toContain("Partitioned");
});

/** Nothing of Ada (e-mail, user id, in any encoding) in a URL. */
function expectNoCustomerIn(url: string) {
  for (const text of [url, decodeURIComponent(url)]) {
    for (const secret of ["ada@example.com", "ada%40example.com", "example.com", adaUserId, "email:", "user_id:"]) {
      expect(text, url).not.toContain(secret);
    }
  }
}

test("a record mapped by e-mail: no e-mail in the redirect or the frame's URL, the profile shows, and survives a reload", async ({
  page,
}) => {
  const signed = signCanvasRequest(canvasEnvelope({}, { Email: "ada@example.com" }));
  const posted = page.waitForResponse(
    (r) => r.url() === `${e2eEnv.appUrl}/embed/salesforce` && r.request().method() === "POST",
  );
  await page.goto(host.show("sf-email", salesforceHostHtml(e2eEnv.appUrl, signed)));
  const response = await posted;
  expect(response.status()).toBe(303);
  expectNoCustomerIn(String((await response.allHeaders()).location));
  const frame = page.frameLocator("#canvas");
  await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
  const canvas = page.frame({ name: "canvas" });
  const finalUrl = canvas?.url() ?? "";
  expect(finalUrl).toContain("/embed/salesforce/sidebar?ctx=");
  expectNoCustomerIn(finalUrl);
  // A reload inside the iframe (same URL, the session cookie): still the record's customer.
  await canvas?.goto(finalUrl);
  await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
  expectNoCustomerIn(page.frame({ name: "canvas" })?.url() ?? "");
});

test("a tampered request inside the host frame shows the refusal, not the sidebar", async ({ page }) => {
  const [signature] = signCanvasRequest(canvasEnvelope()).split(".");
  const forged = `${signature}.${Buffer.from(JSON.stringify(canvasEnvelope({}, { External_Id__c: adaUserId }))).toString("base64")}`;
  await page.goto(host.show("sf-forged", salesforceHostHtml(e2eEnv.appUrl, forged)));
  await expect(page.frameLocator("#canvas").getByRole("heading", { name: "Not signed in" })).toBeVisible();
});

test("Salesforce's documented CanvasRequest example (issuedAt: null) signs its user in", async ({ request }) => {
  const response = await request.post("/embed/salesforce", {
    form: { signed_request: signCanvasRequest(documentedExample) },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toMatch(/^\/embed\/salesforce\/sidebar\?code=/);
  expect(response.headers()["set-cookie"]).toContain("session-token=");
});

test("a launch whose issuedAt is two hours old (ms or seconds) shows the record's customer in the frame", async ({
  page,
}) => {
  const twoHoursAgo = Date.now() - 2 * 3_600_000;
  for (const issuedAt of [twoHoursAgo, Math.floor(twoHoursAgo / 1000)]) {
    const signed = signCanvasRequest(canvasEnvelope({ issuedAt }, { External_Id__c: adaUserId }));
    await page.goto(host.show(`sf-old-${issuedAt}`, salesforceHostHtml(e2eEnv.appUrl, signed)));
    // The record's customer, by the summary header (identities are folded in the sidebar by default).
    await expect(page.frameLocator("#canvas").getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
  }
});

test("tampered, wrong-secret and wrong-algorithm requests get a plain 401 and no session", async ({ request }) => {
  const [validSignature] = signCanvasRequest(canvasEnvelope()).split(".");
  const tamperedEnvelope = Buffer.from(
    JSON.stringify(canvasEnvelope({ context: { user: { fullName: "Mallory" } } })),
  ).toString("base64");
  const attacks: Record<string, string> = {
    tampered: `${validSignature}.${tamperedEnvelope}`,
    "wrong secret": signCanvasRequest(canvasEnvelope(), "not-the-consumer-secret"),
    "wrong algorithm": signCanvasRequest(canvasEnvelope({ algorithm: "HMACSHA1" })),
    "signature only": String(validSignature),
    empty: "",
  };
  for (const [name, signedRequest] of Object.entries(attacks)) {
    const response = await request.post("/embed/salesforce", {
      form: { signed_request: signedRequest },
      maxRedirects: 0,
    });
    expect(response.status(), name).toBe(401);
    expect(response.headers()["set-cookie"] ?? "", name).not.toContain("session-token");
  }
  expect(await (await request.get("/api/auth/session")).json()).toEqual({});
});

test("wrong-secret and wrong-algorithm requests posted by the host page get a 401 in the frame and no session", async ({
  page,
  context,
}) => {
  const attacks: Record<string, string> = {
    "wrong secret": signCanvasRequest(canvasEnvelope({}, { External_Id__c: adaUserId }), "not-the-consumer-secret"),
    "wrong algorithm": signCanvasRequest(canvasEnvelope({ algorithm: "HMACSHA1" }, { External_Id__c: adaUserId })),
  };
  for (const [name, signed] of Object.entries(attacks)) {
    const posted = page.waitForResponse(
      (r) => r.url() === `${e2eEnv.appUrl}/embed/salesforce` && r.request().method() === "POST",
    );
    await page.goto(host.show(`sf-attack-${name.replace(/\W/g, "-")}`, salesforceHostHtml(e2eEnv.appUrl, signed)));
    const response = await posted;
    expect(response.status(), name).toBe(401);
    expect((await response.allHeaders())["set-cookie"] ?? "", name).not.toContain("session-token");
    const frame = page.frameLocator("#canvas");
    await expect(frame.getByRole("heading", { name: "Not signed in" }), name).toBeVisible();
    await expect(frame.getByRole("heading", { name: "Ada Lovelace" }), name).toHaveCount(0);
  }
  // No session in the browser, partitioned or not, and the sidebar page itself says so inside the host frame.
  expect((await context.cookies()).filter((c) => c.name.includes("session-token"))).toEqual([]);
  await page.evaluate(
    (src) => document.getElementById("canvas")?.setAttribute("src", src),
    `${e2eEnv.appUrl}/embed/salesforce/sidebar?id=${encodeURIComponent(SEED_IDS.ada.userId)}`,
  );
  await expect(page.frameLocator("#canvas").getByText("You are not signed in to Profile Sidebar here.")).toBeVisible();
});

test("without any cookie, the canvas signs in through its one-time hand-off code; the code works once and only on Salesforce's sidebar", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const log = await keepNoCookiesFor(context, e2eEnv.appUrl);
    const page = await context.newPage();
    const signed = signCanvasRequest(canvasEnvelope({}, { External_Id__c: adaUserId }));
    await page.goto(host.show("sf-no-cookies", salesforceHostHtml(e2eEnv.appUrl, signed)));
    const frame = page.frameLocator("#canvas");
    await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
    expect(await context.cookies()).toEqual([]);
    const handoff = log.redirects.find((l) => l.startsWith("/embed/salesforce/sidebar?"));
    const code = String(new URL(String(handoff), e2eEnv.appUrl).searchParams.get("code"));
    await expect.poll(() => page.frame({ name: "canvas" })?.url() ?? "").not.toContain("code=");
    expectNoCustomerIn(String(handoff));
    expectNoCustomerIn(page.frame({ name: "canvas" })?.url() ?? "");

    const open = async (src: string) =>
      page.evaluate((s) => document.getElementById("canvas")?.setAttribute("src", s), src);
    // Replayed: refused.
    await open(
      `${e2eEnv.appUrl}/embed/salesforce/sidebar?${new URLSearchParams({ id: SEED_IDS.ada.userId, code }).toString()}`,
    );
    await expect(frame.getByText("You are not signed in to Profile Sidebar here.")).toBeVisible();
    // A fresh Salesforce code on the Zendesk sidebar: refused (and spent nowhere).
    const fresh = signCanvasRequest(canvasEnvelope({}, { External_Id__c: adaUserId }));
    const response = await page.request.post("/embed/salesforce", { form: { signed_request: fresh }, maxRedirects: 0 });
    const freshCode = String(new URL(String(response.headers().location), e2eEnv.appUrl).searchParams.get("code"));
    await open(
      `${e2eEnv.appUrl}/embed/zendesk/sidebar?${new URLSearchParams({ origin: e2eEnv.hostUrl, app_guid: "g", code: freshCode }).toString()}`,
    );
    await expect(frame.getByText("You are not signed in to Profile Sidebar here.")).toBeVisible();
    // A forged code: refused.
    await open(
      `${e2eEnv.appUrl}/embed/salesforce/sidebar?code=${"A".repeat(40)}..${"B".repeat(16)}.${"C".repeat(40)}.${"D".repeat(22)}`,
    );
    await expect(frame.getByText("You are not signed in to Profile Sidebar here.")).toBeVisible();
  } finally {
    await context.close();
  }
});

test("the Salesforce profile id maps to a role through ROLE_MAP; an unmapped profile gets HOST_DEFAULT_ROLE", async ({
  playwright,
}) => {
  // A fresh request context per sign-in: no cookie jar shared with other tests; the session cookie is sent by hand.
  const api = await playwright.request.newContext({ baseURL: e2eEnv.appUrl });
  for (const [profileId, role] of [
    ["00eSUPERVISOR", "supervisor"],
    ["00eOTHER", "agent"],
  ] as const) {
    const envelope = canvasEnvelope({}, { Email: "ada@example.com" });
    (envelope.context.user as Record<string, unknown>).profileId = profileId;
    const response = await api.post("/embed/salesforce", {
      form: { signed_request: signCanvasRequest(envelope) },
      maxRedirects: 0,
    });
    expect(response.status(), profileId).toBe(303);
    const cookie = (response.headers()["set-cookie"] ?? "").split(";")[0] ?? "";
    const session = await api.get("/api/auth/session", { headers: { Cookie: cookie } });
    expect(await session.json(), profileId).toMatchObject({ source: "salesforce", role });
  }
  await api.dispose();
});
