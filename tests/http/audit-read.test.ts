// Reading the audit trail over real HTTP (DESIGN §10): GET/POST /api/audit and /api/audit.csv against the built app and
// its real SQLite store. Auditors only (404 for everyone else), filters validated, cursor pages, CSV quoting and the
// formula guard, every read itself audited, and the reveal entry naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntryView, AuditPage } from "@/lib/core/audit-view";
import { SEED_IDS } from "@/simulator/seed-ids";
import { DEMO_PASSWORD, profilePath, signIn, type Stack, startStack } from "./harness";

const ada = SEED_IDS.ada.userId;
const adaEmail = SEED_IDS.ada.email;
// A hostile agent name: a spreadsheet formula, with a comma and quotes that CSV must quote.
const FORMULA_NAME = '=HYPERLINK("http://evil.test","x"),1';

let stack: Stack;
let auditor: string;
let supervisor: string;

type Answer = { status: number; headers: Headers; text: string; json: unknown };

async function call(path: string, cookie: string | null, init: { method?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`${stack.appUrl}${path}`, {
    method: init.method ?? "GET",
    headers,
    redirect: "manual",
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* CSV */
  }
  return { status: response.status, headers: response.headers, text, json } satisfies Answer;
}

async function page(query: string, cookie = auditor): Promise<AuditPage> {
  const answer = await call(`/api/audit${query ? `?${query}` : ""}`, cookie);
  expect(answer.status, answer.text).toBe(200);
  return answer.json as AuditPage;
}

const actions = (entries: AuditEntryView[]) => entries.map((e) => `${e.action}/${e.agent.name}/${e.outcome}`);

beforeAll(async () => {
  stack = await startStack({ appEnv: { DEMO_ROLES: "Sam:supervisor,Audrey:auditor" } });
  auditor = String(await signIn(stack.appUrl, "Audrey", DEMO_PASSWORD));
  supervisor = String(await signIn(stack.appUrl, "Sam", DEMO_PASSWORD));
  expect(await signIn(stack.appUrl, FORMULA_NAME, DEMO_PASSWORD)).toMatch(/session-token/);
  // What the auditor will look for: an agent's views of two customers and a supervisor's reveal.
  expect((await stack.get(profilePath("users", ada))).status).toBe(200);
  expect((await stack.get(profilePath("users", adaEmail))).status).toBe(200);
  const reveal = await call(profilePath("users", ada, "reveal"), supervisor, {
    method: "POST",
    body: { trait: "phone" },
  });
  expect(reveal.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe("GET /api/audit for an auditor", () => {
  it("answers newest first, with identifiers decrypted and the revealed field named", async () => {
    const answer = await call("/api/audit", auditor);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    const { data } = answer.json as AuditPage;
    const seqs = data.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(data.find((e) => e.action === "reveal")).toMatchObject({
      agent: { name: "Sam", role: "supervisor" },
      identifier: ada,
      collection: "users",
      outcome: "ok",
      detail: "trait:phone",
    });
    expect(data.filter((e) => e.action === "view").map((e) => e.identifier)).toEqual([adaEmail, ada]);
  });

  it("filters by agent, action, customer (profile) and time", async () => {
    expect(actions((await page("agent=Sam")).data)).toEqual(["reveal/Sam/ok", "sign_in/Sam/ok"]);
    expect(actions((await page("action=view")).data)).toEqual(["view/HTTP Tester/ok", "view/HTTP Tester/ok"]);
    const forAda = await page(`profile=${encodeURIComponent(ada)}`);
    expect(actions(forAda.data)).toEqual(["reveal/Sam/ok", "view/HTTP Tester/ok"]);
    expect(forAda.data.every((e) => e.identifier === ada)).toBe(true);
    const all = (await page("action=sign_in")).data;
    const oldest = all.at(-1)?.time ?? "";
    const newest = all[0]?.time ?? "";
    expect((await page(`action=sign_in&until=${encodeURIComponent(newest)}`)).data).toHaveLength(all.length - 1);
    expect((await page(`action=sign_in&since=${encodeURIComponent(oldest)}`)).data).toHaveLength(all.length);
    expect((await page("since=2999-01-01")).data).toEqual([]);
  });

  it("pages with the opaque next cursor until the last page, without gaps or repeats", async () => {
    const everything = (await page("action=sign_in")).data.map((e) => e.seq);
    const seen: number[] = [];
    let next: string | null = null;
    for (let round = 0; round < 20; round += 1) {
      const current: AuditPage = await page(`action=sign_in&limit=2${next ? `&next=${next}` : ""}`);
      expect(current.data.length).toBeLessThanOrEqual(2);
      seen.push(...current.data.map((e) => e.seq));
      next = current.next;
      if (!next) break;
      expect(next).not.toMatch(/^\d+$/);
    }
    expect(seen).toEqual(everything);
    expect(everything.length).toBeGreaterThan(2);
  });

  it("takes the same filters in a POST body (the admin page: no identifier in a URL)", async () => {
    const answer = await call("/api/audit", auditor, { method: "POST", body: { profile: ada, limit: 2 } });
    expect(answer.status).toBe(200);
    const body = answer.json as AuditPage;
    // The auditor's own earlier search for this customer is part of the customer's trail too.
    expect(actions(body.data)).toEqual(["audit_read/Audrey/ok", "reveal/Sam/ok"]);
    expect(body.next).toEqual(expect.any(String));
  });
});

describe("refusals", () => {
  it("answers 404 to agents, supervisors and anonymous callers, on every method, and 405 only to an auditor", async () => {
    for (const path of ["/api/audit", "/api/audit.csv", "/api/audit?action=view"]) {
      for (const cookie of [stack.session, supervisor, null]) {
        const get = await call(path, cookie);
        expect([path, get.status, get.json]).toEqual([
          path,
          404,
          { error: expect.objectContaining({ code: "not_found" }) as unknown },
        ]);
        expect((await call(path, cookie, { method: "POST", body: {} })).status).toBe(404);
        expect((await call(path, cookie, { method: "DELETE" })).status).toBe(404);
      }
    }
    const del = await call("/api/audit", auditor, { method: "DELETE" });
    expect(del.status).toBe(405);
    expect(del.headers.get("allow")).toBe("GET, HEAD, POST");
  });

  it("answers 400 naming the filter for bad input", async () => {
    const cases: Array<[string, string]> = [
      ["action=delete_everything", "action"],
      ["since=yesterday", "since"],
      ["until=2026-01-01T10:00", "until"],
      ["since=2026-02-01&until=2026-01-01", "since"],
      ["profile=no-colon", "profile"],
      ["next=not-a-cursor", "next"],
      ["limit=0", "limit"],
      ["limit=201", "limit"],
      ["agent=a&agent=b", "agent"],
      ["format=xml", "format"],
    ];
    for (const [query, named] of cases) {
      const answer = await call(`/api/audit?${query}`, auditor);
      expect([query, answer.status]).toEqual([query, 400]);
      expect((answer.json as { error: { message: string } }).error.message).toContain(`\`${named}\``);
    }
    const notJson = await fetch(`${stack.appUrl}/api/audit`, {
      method: "POST",
      headers: { Cookie: auditor, "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(notJson.status).toBe(400);
  });
});

describe("GET /api/audit.csv", () => {
  it("is an attachment: quoted cells, formulas disarmed, identifiers decrypted", async () => {
    const answer = await call("/api/audit.csv", auditor);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-\d{8}T\d{6}\.csv"$/);
    const lines = answer.text.split("\r\n");
    expect(lines[0]).toBe(
      "seq,time,agent_name,agent_email,agent_source,agent_role,action,collection,identifier,outcome,request_id,detail",
    );
    // The formula gets a leading ', and the comma and quotes are quoted and doubled: one cell, inert.
    expect(answer.text).toContain(`"'=HYPERLINK(""http://evil.test"",""x""),1",,standalone,agent,sign_in`);
    expect(answer.text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(lines.find((l) => l.includes(",reveal,"))).toContain(`,users,${ada},ok,`);
  });

  it("takes the filters, also in a POST body", async () => {
    const answer = await call("/api/audit.csv", auditor, { method: "POST", body: { profile: ada, action: "view" } });
    const rows = answer.text.trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`,view,users,${ada},ok,`);
  });
});

describe("reading the trail is itself in the trail", () => {
  it("records each read and export with its filters, the customer sealed like any identifier, and refused attempts", async () => {
    const reads = (await page("action=audit_read&limit=200")).data;
    const byProfile = reads.find((e) => e.identifier === ada && e.detail?.startsWith("POST"));
    expect(byProfile).toMatchObject({ agent: { name: "Audrey", role: "auditor" }, outcome: "ok" });
    expect(byProfile?.detail).toContain("profile=(the entry's identifier)");
    expect(reads.some((e) => e.detail === "GET agent=Sam" && e.outcome === "ok")).toBe(true);
    expect(reads.some((e) => e.outcome === "invalid_request_error")).toBe(true);
    expect(reads.some((e) => e.agent.name === "Sam" && e.outcome === "not_found")).toBe(true);
    const exports = (await page("action=audit_export")).data;
    expect(exports.find((e) => e.agent.name === "Audrey" && e.identifier === ada)?.detail).toBe(
      "POST profile=(the entry's identifier) action=view",
    );
    expect(exports.some((e) => e.agent.name === "HTTP Tester" && e.outcome === "not_found")).toBe(true);
  });

  it("never logs an identifier in clear", () => {
    expect(stack.rawOutput()).not.toContain("u_ada");
    expect(stack.rawOutput()).not.toContain("ada@example.com");
  });
});

describe("/admin/audit", () => {
  it("is a 404 for an agent, a supervisor and a signed-out visitor, and a page for an auditor", async () => {
    for (const cookie of [stack.session, supervisor, null])
      expect((await call("/admin/audit", cookie)).status).toBe(404);
    const page = await call("/admin/audit", auditor);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Audit log");
  });
});
