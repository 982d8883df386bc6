// Zendesk signed-URL sign-in and the ticket sidebar (the official ZAF SDK), inside a cross-site host page that plays
// the framework's side of the SDK's protocol.
import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { SEED_IDS } from "../simulator/seed-ids";
import { e2eEnv } from "../playwright.config";
import {
  hs256WithPublicKey,
  otherPrivateKey,
  signZendeskToken,
  unsignedZendeskToken,
  zendeskClaims,
} from "./support/host-assertions";
import { seriousAxeViolations } from "./support/axe";
import { type HostServer, startHostServer, zendeskHostHtml } from "./support/host-server";

test.use({ storageState: { cookies: [], origins: [] } });

let host: HostServer;
test.beforeAll(async () => {
  host = await startHostServer(Number(new URL(e2eEnv.hostUrl).port));
});
test.afterAll(async () => host.close());

type Zaf = {
  __zaf: {
    handshakes: string[];
    resizes: string[];
    gets: number;
    delayedDelivered: boolean;
    subscriptions: Record<string, number>;
    violations: string[];
  };
  __changeRequester: (r: unknown) => void;
};
const zafState = (page: Page) => page.evaluate(() => (window as unknown as Zaf).__zaf);

const ada = {
  id: 101,
  name: "Ada Lovelace",
  email: "ada@example.com",
  externalId: SEED_IDS.ada.userId.slice("user_id:".length),
};

function expectRefused(response: APIResponse) {
  expect(response.status()).toBe(401);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
}

test("a valid signed URL opens the requester's profile inside the Zendesk frame, resizes it and follows the requester", async ({
  page,
}) => {
  const token = await signZendeskToken();
  await page.goto(host.show("zendesk-ok", zendeskHostHtml(e2eEnv.appUrl, e2eEnv.hostUrl, token, ada)));
  const frame = page.frameLocator("#app");
  await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
  await expect(frame.getByText(`user · ${SEED_IDS.ada.userId}`)).toBeVisible();
  // The SDK handshook once, and the sidebar told the host how tall it is and subscribed to requester changes.
  expect((await zafState(page)).handshakes).toEqual(["2.0.9"]);
  await expect.poll(async () => (await zafState(page)).resizes.length).toBeGreaterThan(0);
  expect((await zafState(page)).resizes[0]).toMatch(/^\d+px$/);
  await expect.poll(async () => (await zafState(page)).subscriptions["ticket.requester.id.changed"]).toBe(1);
  // The agent opens another ticket: the requester changes, the sidebar follows.
  const quiet = { id: 102, externalId: SEED_IDS.quiet.userId.slice("user_id:".length) };
  await page.evaluate(
    (r) => (window as unknown as { __changeRequester: (r: unknown) => void }).__changeRequester(r),
    quiet,
  );
  await expect(frame.getByText(`user · ${SEED_IDS.quiet.userId}`)).toBeVisible();
  await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeHidden();
  // A requester no profile exists for: said plainly.
  await page.evaluate(() =>
    (window as unknown as { __changeRequester: (r: unknown) => void }).__changeRequester({
      id: 103,
      email: "nobody-here@example.com",
    }),
  );
  await expect(frame.getByRole("heading", { name: "No profile found" })).toBeVisible();
  // Everything the sidebar sent was the SDK's protocol: strings, after registration, with the app_guid.
  expect((await zafState(page)).violations).toEqual([]);
});

test("axe: the Zendesk sidebar has no serious or critical violations", async ({ page }) => {
  const token = await signZendeskToken();
  await page.goto(host.show("zendesk-axe", zendeskHostHtml(e2eEnv.appUrl, e2eEnv.hostUrl, token, ada)));
  const frame = page.frameLocator("#app");
  await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
  await expect(frame.getByTestId("timeline-event").first()).toBeVisible();
  const app = page.frame({ name: "app" });
  expect(app).not.toBeNull();
  expect(await seriousAxeViolations(app!)).toEqual([]);
});

test("a requester without any configured identifier gets the lookup form, prefilled", async ({ page }) => {
  const token = await signZendeskToken();
  await page.goto(
    host.show("zendesk-none", zendeskHostHtml(e2eEnv.appUrl, e2eEnv.hostUrl, token, { id: 5, name: "Anon" })),
  );
  const frame = page.frameLocator("#app");
  await expect(frame.getByText("No customer matched this record.")).toBeVisible();
  await frame.getByLabel("Identifier (type:value)").fill(SEED_IDS.ada.email);
  await frame.getByRole("button", { name: "Look up" }).click();
  await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
});

test("forged, foreign, expired or downgraded tokens get a plain 401 and no session", async ({ request }) => {
  const good = await signZendeskToken();
  const [header, payload, signature] = good.split(".");
  const forgedPayload = Buffer.from(JSON.stringify(zendeskClaims({ name: "Mallory" }))).toString("base64url");
  const attacks: Record<string, string> = {
    "tampered payload": `${header}.${forgedPayload}.${signature}`,
    "tampered signature": `${header}.${payload}.${(signature ?? "").slice(0, -4)}AAAA`,
    "wrong key": await signZendeskToken(zendeskClaims(), otherPrivateKey()),
    "wrong audience": await signZendeskToken(zendeskClaims({ aud: "https://other-app.example" })),
    expired: await signZendeskToken(zendeskClaims({ exp: Math.floor(Date.now() / 1000) - 600 })),
    "no exp": await signZendeskToken(zendeskClaims({ exp: undefined })),
    "alg none": unsignedZendeskToken(),
    "HS256 keyed with the public key": await hs256WithPublicKey(String(e2eEnv.zendeskPublicKey)),
    "not a zendesk issuer": await signZendeskToken(zendeskClaims({ iss: "evil.example.com" })),
    empty: "",
  };
  for (const [name, token] of Object.entries(attacks)) {
    const response = await request.post("/embed/zendesk?origin=https%3A%2F%2Facme.zendesk.com&app_guid=g", {
      form: { token },
      maxRedirects: 0,
    });
    expectRefused(response);
    expect(await response.text(), name).toContain("Not signed in");
  }
  const session = await request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
});

test("a valid token sets an HttpOnly, Secure, SameSite=None, Partitioned session and keeps origin and app_guid", async ({
  request,
}) => {
  const response = await request.post("/embed/zendesk?origin=https%3A%2F%2Facme.zendesk.com&app_guid=abc-123", {
    form: { token: await signZendeskToken() },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  const location = new URL(String(response.headers().location), e2eEnv.appUrl);
  expect(location.pathname).toBe("/embed/zendesk/sidebar");
  expect(location.searchParams.get("origin")).toBe("https://acme.zendesk.com");
  expect(location.searchParams.get("app_guid")).toBe("abc-123");
  // The one-time hand-off code for browsers that keep no cookie: opaque (nothing of the agent readable in it).
  expect(location.searchParams.get("code")).toMatch(/^[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
  // Checked on the decoded bytes: the base64url text of random ciphertext can spell "Zoe" by chance (~1 run in 1,000).
  const decoded = (location.searchParams.get("code") ?? "")
    .split(".")
    .map((part) => Buffer.from(part, "base64url").toString("latin1"));
  for (const part of decoded) expect(part).not.toContain("Zoe");
  const cookie = response.headers()["set-cookie"] ?? "";
  expect(cookie).toMatch(/^__Secure-next-auth\.session-token=/);
  for (const attribute of ["HttpOnly", "Secure", "SameSite=None", "Partitioned"]) expect(cookie).toContain(attribute);
  const session = await request.get("/api/auth/session");
  expect(await session.json()).toMatchObject({ user: { name: "Zoe Zendesk" }, source: "zendesk" });
});

test("with ZENDESK_ALLOWED_SUBDOMAINS, an origin of another account, or of an allowed account that is not the token's, gets a 401 and no session", async ({
  request,
}) => {
  // The e2e app allows acme and globex; the token says iss acme.zendesk.com.
  const token = await signZendeskToken();
  for (const origin of [
    "https://evil.zendesk.com",
    "https://globex.zendesk.com",
    "https://acme.zendesk.com.evil.test",
  ]) {
    const response = await request.post(`/embed/zendesk?${new URLSearchParams({ origin, app_guid: "g" }).toString()}`, {
      form: { token },
      maxRedirects: 0,
    });
    expect(response.status(), origin).toBe(401);
    expect(response.headers()["set-cookie"] ?? "", origin).not.toContain("session-token");
  }
  expect(await (await request.get("/api/auth/session")).json()).toEqual({});
  // No origin at all: nothing is kept for ZAF (the page says to open it from Zendesk).
  // (A fresh token: each one signs in once, and the refusals above already used this one.)
  const bare = await request.post("/embed/zendesk", { form: { token: await signZendeskToken() }, maxRedirects: 0 });
  expect(bare.status()).toBe(303);
  expect(new URL(String(bare.headers().location), e2eEnv.appUrl).searchParams.get("origin")).toBeNull();
  // A globex token launched from globex's own page is accepted, its origin kept.
  const globex = await signZendeskToken(zendeskClaims({ iss: "globex.zendesk.com" }));
  const ok = await request.post("/embed/zendesk?origin=https%3A%2F%2Fglobex.zendesk.com&app_guid=g", {
    form: { token: globex },
    maxRedirects: 0,
  });
  expect(ok.status()).toBe(303);
  expect(new URL(String(ok.headers().location), e2eEnv.appUrl).searchParams.get("origin")).toBe(
    "https://globex.zendesk.com",
  );
});

test("a host page launching the app with a Zendesk origin that is not allowed gets the refusal in the frame", async ({
  page,
  context,
}) => {
  const token = await signZendeskToken();
  await page.goto(
    host.show(
      "zendesk-evil-origin",
      zendeskHostHtml(e2eEnv.appUrl, e2eEnv.hostUrl, token, ada, { origin: "https://evil.zendesk.com" }),
    ),
  );
  const frame = page.frameLocator("#app");
  await expect(frame.getByRole("heading", { name: "Not signed in" })).toBeVisible();
  await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toHaveCount(0);
  expect((await context.cookies()).filter((c) => c.name.includes("session-token"))).toEqual([]);
});

test("a slow answer for the previous requester never replaces the current one", async ({ page }) => {
  const token = await signZendeskToken();
  await page.goto(
    host.show("zendesk-race", zendeskHostHtml(e2eEnv.appUrl, e2eEnv.hostUrl, token, ada, { delayFirstGetMs: 2_500 })),
  );
  // Every lookup the frame sends (the identifier goes in the body, the profile is then fetched by its handle): Ada's
  // must never be among them.
  const adaRequests: string[] = [];
  page.on("request", (r) => {
    const body = r.url().endsWith("/api/lookup") ? (r.postData() ?? "") : "";
    if (body.includes(ada.externalId) || body.includes(ada.email)) adaRequests.push(body);
  });
  // The sidebar has asked for Ada (answer held back); the agent switches tickets before it arrives.
  await expect.poll(async () => (await zafState(page)).gets).toBe(1);
  // In the app's frame, a listener after the SDK's own notes when Ada's late answer has been handled and whatever it
  // caused has rendered (two animation frames, then a task: React has committed and run its effects by then).
  const appFrame = page.frame({ name: "app" });
  if (!appFrame) throw new Error("the app frame is missing");
  await appFrame.evaluate((adaExternalId) => {
    window.addEventListener("message", (event) => {
      if (typeof event.data !== "string" || !event.data.includes(adaExternalId)) return;
      requestAnimationFrame(() =>
        requestAnimationFrame(() =>
          setTimeout(() => ((window as unknown as { __lateAnswerSettled: boolean }).__lateAnswerSettled = true)),
        ),
      );
    });
  }, ada.externalId);
  await expect.poll(async () => (await zafState(page)).subscriptions["ticket.requester.id.changed"]).toBe(1);
  const quiet = { id: 102, externalId: SEED_IDS.quiet.userId.slice("user_id:".length) };
  await page.evaluate((r) => (window as unknown as Zaf).__changeRequester(r), quiet);
  const frame = page.frameLocator("#app");
  await expect(frame.getByText(`user · ${SEED_IDS.quiet.userId}`)).toBeVisible();
  // Ada's late answer arrives: the sidebar stays on the current requester.
  await expect.poll(() => page.evaluate(() => (window as unknown as Zaf).__zaf.delayedDelivered)).toBe(true);
  await expect
    .poll(() => appFrame.evaluate(() => (window as unknown as { __lateAnswerSettled?: boolean }).__lateAnswerSettled))
    .toBe(true);
  expect(adaRequests).toEqual([]);
  await expect(frame.getByText(`user · ${SEED_IDS.quiet.userId}`)).toBeVisible();
  await expect(frame.getByRole("heading", { name: "Ada Lovelace" })).toHaveCount(0);
  expect((await zafState(page)).violations).toEqual([]);
});

test("a sidebar URL with a repeated origin is refused (the SDK would post to the last one, the server checked the first)", async ({
  page,
}) => {
  const launch = await page.request.post(
    `/embed/zendesk?${new URLSearchParams({ origin: e2eEnv.hostUrl, app_guid: "g" }).toString()}`,
    { form: { token: await signZendeskToken() }, maxRedirects: 0 },
  );
  expect(launch.status()).toBe(303);
  const sidebar = new URL(String(launch.headers().location), e2eEnv.appUrl);
  sidebar.searchParams.append("origin", "https://evil.example");
  await page.goto(sidebar.toString());
  await expect(page.getByText("Open this page from the Zendesk ticket sidebar.")).toBeVisible();
  await expect(page.getByText("Waiting for Zendesk…")).toHaveCount(0);
});
