// The audit trail on a real Postgres server over real HTTP (DESIGN §10): two BUILT app instances with one DATABASE_URL
// write one chain; entries survive restarts of the app and of Postgres; audit:verify passes, then names the entry
// altered by hand; Postgres down → 503 audit_unavailable (closed) or served with a warning (open).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAIN_LOCK } from "@/lib/audit/postgres-migrations";
import type { StoredEntry } from "@/lib/audit/types";
import { SEED_IDS } from "@/simulator/seed-ids";
import { runAuditVerify } from "@/tests/support/audit-verify-cli";
import { startPostgres, type TestPostgres } from "@/tests/support/postgres-server";
import { DEMO_PASSWORD, profilePath, signIn, type Stack, startStack } from "./harness";

const ada = SEED_IDS.ada.userId;
const ADA_PHONE = "5550100001"; // masked for agents (MASKED_TRAITS default), whatever the store
let server: TestPostgres;

beforeAll(async () => {
  server = await startPostgres();
}, 900_000);
afterAll(async () => server?.destroy());

// Generous: these tests share a loaded machine, and a slow connection is not what they are about.
const TIMEOUT = { DATABASE_TIMEOUT_MS: "10000" };
const rows = (url: string) => server.sql<StoredEntry>(url, "SELECT * FROM audit_entries ORDER BY seq");

async function viewAs(stack: Stack, cookie: string) {
  const response = await stack.get(profilePath("users", ada), { signedIn: false, headers: { Cookie: cookie } });
  return response;
}

describe("two instances on one Postgres", () => {
  let url: string;

  it("write one chain that survives restarts of the app and of Postgres, and audit:verify passes", async () => {
    url = await server.createDatabase("audit_two_instances");
    const env = { DATABASE_URL: url, ...TIMEOUT };
    const [one, two] = await Promise.all([startStack({ appEnv: env }), startStack({ appEnv: env })]);
    try {
      const ann = String(await signIn(one.appUrl, "Ann", DEMO_PASSWORD));
      const bob = String(await signIn(two.appUrl, "Bob", DEMO_PASSWORD));
      const views = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? viewAs(two, bob) : viewAs(one, ann))),
      );
      expect(views.map((v) => v.status)).toEqual(Array.from({ length: 12 }, () => 200));
      expect(views[0]?.text).not.toContain(ADA_PHONE);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
    await server.stop();
    await server.start();
    const again = await startStack({ appEnv: env });
    try {
      expect((await again.get(profilePath("users", ada))).status).toBe(200);
    } finally {
      await again.stop();
    }

    const entries = await rows(url);
    expect(entries.map((e) => Number(e.seq))).toEqual(entries.map((_, i) => i + 1));
    const viewsBy = (name: string) => entries.filter((e) => e.action === "view" && e.agent_name === name).length;
    expect([viewsBy("Ann"), viewsBy("Bob"), viewsBy("HTTP Tester")]).toEqual([6, 6, 1]);
    // Identifiers are sealed in Postgres too: no trace of the customer in clear in any column.
    expect(JSON.stringify(entries)).not.toContain("u_ada");
    const verified = runAuditVerify({ DATABASE_URL: url });
    expect(verified.status).toBe(0);
    expect(verified.output).toContain(`OK, ${entries.length} entries`);
    expect(verified.output).not.toContain(new URL(url).password); // named by host and database, never its password
  }, 240_000);

  it("audit:verify fails, naming the entry, once one stored value is altered by hand with SQL", async () => {
    await server.sql(url, "UPDATE audit_entries SET agent_name = 'Mallory' WHERE seq = 5");
    const result = runAuditVerify({ DATABASE_URL: url });
    expect(result.status).toBe(1);
    expect(result.output).toContain("BROKEN at entry 5");
  });
});

describe("Postgres down", () => {
  it("closed: views answer 503 audit_unavailable with no data, and recover when it is back; open: served, warned", async () => {
    const url = await server.createDatabase("audit_fail_mode");
    const [closed, open] = await Promise.all([
      startStack({ appEnv: { DATABASE_URL: url, DATABASE_TIMEOUT_MS: "8000" } }),
      startStack({ appEnv: { DATABASE_URL: url, DATABASE_TIMEOUT_MS: "8000", AUDIT_FAIL_MODE: "open" } }),
    ]);
    try {
      expect((await closed.get(profilePath("users", ada))).status).toBe(200);
      await server.stop();
      const started = performance.now();
      const refused = await closed.get(profilePath("users", ada));
      // A refused connection fails at once: well inside the 8 s timeout, even on a loaded machine.
      expect(performance.now() - started).toBeLessThan(4_000);
      expect(refused.status).toBe(503);
      expect(refused.json).toMatchObject({ error: { code: "audit_unavailable" } });
      expect(refused.text).not.toContain("ada@example.com");
      expect((await open.get(profilePath("users", ada))).status).toBe(200);
      await expect
        .poll(() => open.logLines().some((l) => String(l.msg).startsWith("audit entry not written")))
        .toBe(true);
      await server.start();
      expect((await closed.get(profilePath("users", ada))).status).toBe(200);
    } finally {
      await Promise.all([closed.stop(), open.stop()]);
      await server.start();
    }
  }, 240_000);

  it("a clean shutdown writes what open mode had only queued (even behind a slow commit)", async () => {
    const url = await server.createDatabase("audit_shutdown");
    const stack = await startStack({ appEnv: { DATABASE_URL: url, ...TIMEOUT, AUDIT_FAIL_MODE: "open" } });
    // Another session holds the chain lock: the app's entries stay queued or in flight until it lets go.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    let stopping: Promise<void> | undefined;
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT pg_advisory_xact_lock($1, $2)", [...CHAIN_LOCK]);
      for (let i = 0; i < 5; i += 1) expect((await stack.get(profilePath("users", ada))).status).toBe(200);
      let exited = false;
      stopping = stack.stop().then(() => void (exited = true));
      // A shutdown that does not wait for the audit queue is over well within this bound; one that waits is not.
      for (const deadline = Date.now() + 1_500; !exited && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(exited).toBe(false);
      await blocker.query("COMMIT");
      await stopping;
    } finally {
      await blocker.end();
      await (stopping ?? stack.stop());
    }
    expect((await rows(url)).filter((e) => e.action === "view")).toHaveLength(5);
  }, 120_000);
});
