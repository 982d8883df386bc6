// Roles and masking over real HTTP (DESIGN §10): the built app, the simulator, the real next-auth demo sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProfileSummary } from "@/lib/core/api-types";
import { SEED_IDS } from "@/simulator/seed-ids";
import { profilePath, signIn, type Stack, startStack } from "./harness";

const DEMO_PASSWORD = "demo-http-tests";
const ada = SEED_IDS.ada.userId;
// Ada's phone (a trait, an external id, in event payloads) and birthday, as the simulator seeds them.
const CLEAR_VALUES = ["5550100001", "1815-12-10", "St James"];

let stack: Stack;
let supervisor: string;
let auditor: string;

beforeAll(async () => {
  stack = await startStack({ appEnv: { DEMO_ROLES: "Sam Supervisor:supervisor,Audrey:auditor" } });
  supervisor = String(await signIn(stack.appUrl, "sam supervisor", DEMO_PASSWORD));
  auditor = String(await signIn(stack.appUrl, "Audrey", DEMO_PASSWORD));
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

const as = (cookie: string) => ({ signedIn: false, headers: { Cookie: cookie } });

async function reveal(cookie: string, body: unknown) {
  const response = await fetch(`${stack.appUrl}${profilePath("users", ada, "reveal")}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("roles in the session", () => {
  it("DEMO_ROLES gives names (case-insensitively) their role; everyone else is an agent", async () => {
    for (const [cookie, role] of [
      [stack.session, "agent"],
      [supervisor, "supervisor"],
      [auditor, "auditor"],
    ] as const) {
      const session = await stack.get("/api/auth/session", as(cookie));
      expect(session.json, role).toMatchObject({ role });
    }
  });
});

describe("masking in every response shape", () => {
  const shapes = [
    ["summary", profilePath("users", ada)],
    ["traits", profilePath("users", ada, "traits", "limit=200")],
    ["verbose traits", profilePath("users", ada, "traits", "limit=200&verbose=true")],
    ["external ids", profilePath("users", ada, "external_ids", "limit=100")],
    ["events", profilePath("users", ada, "events", "limit=100")],
    ["links", profilePath("users", ada, "links")],
  ] as const;

  it.each(shapes)("%s: no masked value in clear, for an agent or a supervisor", async (_name, path) => {
    for (const cookie of [stack.session, supervisor]) {
      const res = await stack.get(path, as(cookie));
      expect(res.status).toBe(200);
      for (const clear of CLEAR_VALUES) expect(res.text).not.toContain(clear);
    }
  });

  it("the summary says what is masked, with a hint of at most 4 characters; revealable only for a supervisor", async () => {
    const agentView = (await stack.get(profilePath("users", ada), as(stack.session))).json as ProfileSummary;
    expect(agentView.traits?.phone).toEqual({ masked: true, hint: "…0001" });
    expect(agentView.traits?.birthday).toEqual({ masked: true, hint: "…-10" });
    expect(agentView.traits?.address).toEqual({ masked: true, hint: "…" });
    expect(agentView.traits?.email).toBe("ada@example.com");
    expect(agentView.external_ids?.find((e) => e.type === "phone")?.id).toEqual({ masked: true, hint: "…0001" });
    const supervisorView = (await stack.get(profilePath("users", ada), as(supervisor))).json as ProfileSummary;
    expect(supervisorView.traits?.phone).toEqual({ masked: true, hint: "…0001", revealable: true });
  });

  it("verbose traits keep their source and update time around the masked value", async () => {
    const res = await stack.get(profilePath("users", ada, "traits", "include=phone&verbose=true"), as(stack.session));
    const phone = (res.json as { traits: Record<string, Record<string, unknown>> }).traits.phone;
    expect(phone?.value).toEqual({ masked: true, hint: "…0001" });
    expect(typeof phone?.source_id).toBe("string");
  });
});

describe("POST …/reveal", () => {
  it("answers the clear value to a supervisor and an auditor", async () => {
    expect(await reveal(supervisor, { trait: "phone" })).toEqual({ status: 200, json: { value: "+15550100001" } });
    const ids = await reveal(auditor, { external_id_type: "phone" });
    expect(ids).toMatchObject({ status: 200, json: { value: "+15550100001", values: ["+15550100001"] } });
  });

  it("refuses an agent with 403 forbidden and no value", async () => {
    const refused = await reveal(stack.session, { trait: "phone" });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ error: { code: "forbidden" } });
    expect(JSON.stringify(refused.json)).not.toContain("5550100001");
  });

  it("reveals only masked fields, and rejects a malformed body with a 400", async () => {
    expect((await reveal(supervisor, { trait: "email" })).status).toBe(400);
    expect((await reveal(supervisor, { trait: "phone", extra: 1 })).status).toBe(400);
    expect((await reveal(supervisor, "phone")).status).toBe(400);
  });

  it("needs a session: 401 without one", async () => {
    expect((await reveal("", { trait: "phone" })).status).toBe(401);
  });
});
