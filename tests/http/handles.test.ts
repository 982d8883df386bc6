// Identifier-free URLs (DESIGN §10) over real HTTP: the lookup POST gives a handle; the BFF and the pages take it; a
// bad handle is a clear 4xx; old identifier URLs redirect to the handle form, through the sign-in page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LinksPage, ProfileSummary } from "@/lib/core/api-types";
import { profileHandle } from "@/lib/governance/profile-handle";
import { SEED_IDS } from "@/simulator/seed-ids";
import { profilePath, type Stack, startStack } from "./harness";

let stack: Stack;
const ADA_EMAIL = "ada@example.com";
const ADA_PHONE_DIGITS = "5550100001";

beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

type Found = { collection: string; handle: string; label: string; asked: string };
type ErrorJson = { error: { code: string; message: string }; tried?: string[] };

async function lookup(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.appUrl}/api/lookup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: stack.session, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json().catch(() => null)) as unknown };
}

async function handleOf(body: unknown): Promise<string> {
  const answer = await lookup(body);
  expect(answer.status).toBe(200);
  return (answer.json as Found).handle;
}

describe("POST /api/lookup", () => {
  it("answers a handle for an e-mail typed with odd case and space, and for a phone typed as the agent would", async () => {
    const byEmail = await lookup({ value: `  Ada@Example.COM ` });
    expect(byEmail.status).toBe(200);
    expect(byEmail.json).toMatchObject({ collection: "users", label: SEED_IDS.ada.email });
    const handle = (byEmail.json as Found).handle;
    expect(handle).toMatch(/^h1\.[A-Za-z0-9_-]+$/);
    expect(handle.toLowerCase()).not.toContain("ada");
    const byPhone = await lookup({ value: "+1 (555) 010-0001", type: "phone" });
    expect(byPhone.json).toMatchObject({ collection: "users", label: SEED_IDS.ada.phone });
    expect((byPhone.json as Found).handle).not.toContain(ADA_PHONE_DIGITS);
    // One customer, one handle per identifier: the same lookup twice gives the same address.
    expect(await handleOf({ value: ADA_EMAIL })).toBe(handle);
    expect(await handleOf({ id: SEED_IDS.ada.email })).toBe(handle);
  });

  it("answers 404 with what was tried (in the body) when no profile matches, and 400/401/403 for bad requests", async () => {
    const miss = await lookup({ value: "nobody-here@example.com" });
    expect(miss.status).toBe(404);
    expect((miss.json as ErrorJson).error.code).toBe("not_found");
    expect((miss.json as ErrorJson).tried).toContain("email:nobody-here@example.com");
    for (const bad of ["{not json", { value: "" }, { nope: 1 }, { id: "no-colon" }]) {
      const answer = await lookup(bad);
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      expect((answer.json as ErrorJson).error.code).toBe("invalid_request_error");
    }
    expect((await lookup({ value: ADA_EMAIL }, { Cookie: "" })).status).toBe(401);
    expect((await lookup({ value: ADA_EMAIL }, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
  });
});

describe("BFF routes with a handle", () => {
  it("serve the same profile by handle as by type:value, with cursors and links that name handles", async () => {
    const handle = await handleOf({ id: SEED_IDS.ada.userId });
    const byHandle = await stack.get(profilePath("users", handle));
    const byId = await stack.get(profilePath("users", SEED_IDS.ada.userId));
    expect(byHandle.status).toBe(200);
    expect(byId.status).toBe(200);
    expect((byHandle.json as ProfileSummary).id).toBe(SEED_IDS.ada.userId);
    expect((byHandle.json as ProfileSummary).traits).toEqual((byId.json as ProfileSummary).traits);
    const links = (await stack.get(profilePath("users", handle, "links"))).json as LinksPage;
    const account = links.data.find((link) => link.to_collection === "accounts");
    expect(account?.handle).toMatch(/^h1\./);
    const opened = await stack.get(profilePath("accounts", account?.handle ?? "", "metadata"));
    expect(opened.status).toBe(200);
  });

  it("answers 400 JSON, never a 500, to an altered handle, one of another deployment, or one of the other collection", async () => {
    const handle = await handleOf({ id: SEED_IDS.ada.userId });
    const altered = `${handle.slice(0, 10)}${handle[10] === "A" ? "B" : "A"}${handle.slice(11)}`;
    const foreign = profileHandle("users", { type: "user_id", value: "u_ada" }, "another-deployment-secret-0123456789");
    for (const [collection, bad] of [
      ["users", altered],
      ["users", foreign],
      ["accounts", handle],
      ["users", "h1.not-base64-at-all!"],
    ] as const) {
      const answer = await stack.get(profilePath(collection, bad, "traits"));
      expect(answer.status, bad).toBe(400);
      expect((answer.json as ErrorJson).error.code).toBe("invalid_request_error");
      expect(answer.text).not.toMatch(/at .*\.js|stack/i);
    }
  });

  it("logs the profile as type + keyed hash: neither the handle nor the identifier value appears in a log line", async () => {
    const handle = await handleOf({ value: ADA_EMAIL });
    await stack.get(profilePath("users", handle, "events", "limit=5"));
    const output = stack.rawOutput();
    expect(output).not.toContain(handle);
    expect(output).not.toContain(ADA_EMAIL);
    expect(stack.logLines().some((line) => line.route === "/api/lookup")).toBe(true);
  });
});

describe("pages", () => {
  it("redirect an old identifier address to the handle form, and send a signed-out agent to sign in with the handle form", async () => {
    const old = `/profiles/users/${encodeURIComponent(SEED_IDS.ada.email)}`;
    const signedIn = await stack.get(old);
    expect([307, 308]).toContain(signedIn.status);
    const location = signedIn.headers.get("location") ?? "";
    expect(location).toMatch(/\/profiles\/users\/h1\.[A-Za-z0-9_-]+$/);
    expect(decodeURIComponent(location)).not.toContain(ADA_EMAIL);
    const page = await stack.get(new URL(location, stack.appUrl).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Ada Lovelace");
    const signedOut = await stack.get(old, { signedIn: false });
    const toSignIn = decodeURIComponent(signedOut.headers.get("location") ?? "");
    expect(toSignIn).toContain("/sign-in?callbackUrl=/profiles/users/h1.");
    expect(toSignIn).not.toContain(ADA_EMAIL);
  });

  it("redirect /embed?email= to /embed?h=, and say so plainly for an altered handle", async () => {
    const old = await stack.get(`/embed?email=${encodeURIComponent(ADA_EMAIL)}`);
    expect([307, 308]).toContain(old.status);
    const location = old.headers.get("location") ?? "";
    expect(location).toMatch(/\/embed\?h=h1\./);
    expect(decodeURIComponent(location)).not.toContain(ADA_EMAIL);
    const bad = await stack.get("/profiles/users/h1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(bad.status).toBe(200);
    expect(bad.text).toContain("Not a profile address");
    expect(bad.text).toContain("another deployment");
  });
});
