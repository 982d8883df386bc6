// The audit trail over real HTTP (DESIGN §10): the built app writing a real SQLite file, restarts, audit:verify,
// tampering by hand, AUDIT_FAIL_MODE, and no identifier in clear in the file or the logs.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredEntry } from "@/lib/audit/types";
import { SEED_IDS } from "@/simulator/seed-ids";
import { runAuditVerify } from "@/tests/support/audit-verify-cli";
import { profilePath, signIn, type Stack, startStack } from "./harness";

const ada = SEED_IDS.ada.userId;
let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "audit-http-"));
  dbPath = path.join(dir, "data", "audit.db");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readEntries(file = dbPath): StoredEntry[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT * FROM audit_entries ORDER BY seq").all() as StoredEntry[];
  } finally {
    db.close();
  }
}

const auditVerify = () => runAuditVerify({ AUDIT_DB_PATH: dbPath });

async function reveal(stack: Stack, cookie: string) {
  const response = await fetch(`${stack.appUrl}${profilePath("users", ada, "reveal")}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json" },
    body: JSON.stringify({ trait: "phone" }),
  });
  return response.status;
}

describe("the embedded audit trail", () => {
  it("records sign-ins, views and reveals (allowed and refused), encrypted, across a restart; audit:verify passes", async () => {
    const env = { AUDIT_DB_PATH: dbPath, DEMO_ROLES: "Sam:supervisor" };
    const first = await startStack({ appEnv: env });
    try {
      expect((await first.get(profilePath("users", ada))).status).toBe(200);
      expect(await reveal(first, first.session)).toBe(403);
      expect(await signIn(first.appUrl, "Mallory", "wrong password")).toBeNull();
      const output = first.rawOutput();
      expect(output).not.toContain("u_ada");
    } finally {
      await first.stop();
    }
    const second = await startStack({ appEnv: env });
    try {
      const sam = String(await signIn(second.appUrl, "Sam", "demo-http-tests"));
      expect(await reveal(second, sam)).toBe(200);
    } finally {
      await second.stop();
    }
    const entries = readEntries();
    const summary = entries.map((e) => [e.action, e.agent_name, e.agent_role, e.outcome]);
    expect(summary).toEqual([
      ["sign_in", "HTTP Tester", "agent", "ok"],
      ["view", "HTTP Tester", "agent", "ok"],
      ["reveal", "HTTP Tester", "agent", "forbidden"],
      ["sign_in", "Mallory", "agent", "refused"],
      ["sign_in", "HTTP Tester", "agent", "ok"],
      ["sign_in", "Sam", "supervisor", "ok"],
      ["reveal", "Sam", "supervisor", "ok"],
    ]);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // The customer is stored encrypted (and as a lookup hash): no trace of the identifier in the file.
    const bytes = readFileSync(dbPath).toString("latin1");
    for (const clear of ["u_ada", "user_id:u_ada"]) expect(bytes).not.toContain(clear);
    expect(entries[1]?.identifier_enc).toMatch(/^[\w-]{30,}$/);
    expect(entries[1]?.identifier_lookup).toBe(entries[2]?.identifier_lookup);

    expect(auditVerify()).toMatchObject({ status: 0, output: expect.stringContaining("OK, 7 entries") as unknown });
  }, 120_000);

  it("audit:verify fails, naming the entry, once one stored value is altered by hand", () => {
    const db = new Database(dbPath);
    db.prepare("UPDATE audit_entries SET outcome = 'ok' WHERE seq = 3").run();
    db.close();
    const result = auditVerify();
    expect(result.status).toBe(1);
    expect(result.output).toContain("BROKEN at entry 3");
  });
});

describe("AUDIT_FAIL_MODE", () => {
  // A path under a regular file: the store can never be opened, whoever runs the tests (root included).
  const broken = { AUDIT_DB_PATH: "/dev/null/audit.db" };

  it("closed (the default): a profile view the store cannot record is a 503 audit_unavailable, with no data", async () => {
    const stack = await startStack({ appEnv: broken });
    try {
      const res = await stack.get(profilePath("users", ada));
      expect(res.status).toBe(503);
      expect(res.json).toMatchObject({ error: { code: "audit_unavailable" } });
      expect(res.text).not.toContain("ada@example.com");
    } finally {
      await stack.stop();
    }
  }, 60_000);

  it("open: the view is served and the failure is a logged warning", async () => {
    const stack = await startStack({ appEnv: { ...broken, AUDIT_FAIL_MODE: "open" } });
    try {
      expect((await stack.get(profilePath("users", ada))).status).toBe(200);
      expect(
        stack.logLines().some((l) => l.level === "warn" && String(l.msg).startsWith("audit entry not written")),
      ).toBe(true);
    } finally {
      await stack.stop();
    }
  }, 60_000);
});
