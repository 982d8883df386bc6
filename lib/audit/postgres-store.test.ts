// The audit store on a real Postgres server (a throwaway cluster, tests/support/postgres-server.ts): the shared store
// contract, plus what only Postgres has: migrations raced by several instances, a server restart, a hung server.
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeAuditStoreContract, sampleEntry } from "@/tests/support/audit-store-contract";
import { getFreePort } from "@/tests/support/free-port";
import { startPostgres, type TestPostgres } from "@/tests/support/postgres-server";
import { MIGRATIONS } from "./postgres-migrations";
import { openPostgresStore } from "./postgres-store";
import { verifyStore } from "./verify";

let server: TestPostgres;
let url = "";
let databases = 0;
const freshDatabase = async () => (url = await server.createDatabase(`audit_${(databases += 1)}`));

// Installing Debian's package (first run on a fresh machine) can take minutes; starting a cluster takes seconds.
beforeAll(async () => {
  server = await startPostgres();
}, 900_000);
afterAll(async () => server?.destroy());

describeAuditStoreContract("Postgres", {
  fresh: async () => void (await freshDatabase()),
  open: () => openPostgresStore(url),
  exec: async (sql) => void (await server.sql(url, sql)),
});

describe("the Postgres store alone", () => {
  it("several instances starting at once migrate the schema exactly once", async () => {
    await freshDatabase();
    const stores = Array.from({ length: 4 }, () => openPostgresStore(url));
    try {
      await Promise.all(stores.map((s) => s.ready?.() ?? Promise.resolve()));
      const applied = await server.sql<{ version: number }>(url, "SELECT version FROM audit_schema_migrations");
      expect(applied.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      await Promise.all(stores.map((s, i) => s.append([sampleEntry(i + 1)])));
      expect(await verifyStore(stores[0]!)).toEqual({ ok: true, checked: 4, lastSeq: 4 });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it("entries survive a Postgres restart; while it is down appends fail at once, then writing resumes by itself", async () => {
    await freshDatabase();
    const store = openPostgresStore(url, { timeoutMs: 1_000 });
    try {
      await store.append([sampleEntry(1), sampleEntry(2)]);
      await server.stop();
      const started = performance.now();
      await expect(store.append([sampleEntry(3)])).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(1_500);
      await server.start();
      await store.append([sampleEntry(4)]);
      expect((await store.scan(0, 10)).map((e) => e.agent_name)).toEqual(["agent 1", "agent 2", "agent 4"]);
      expect(await verifyStore(store)).toEqual({ ok: true, checked: 3, lastSeq: 3 });
    } finally {
      await store.close();
    }
  }, 60_000);

  it("a hung database (accepts, never answers) fails an append within the timeout instead of holding it", async () => {
    const silent: Socket[] = [];
    const hung: Server = createServer((socket) => void silent.push(socket));
    const port = await getFreePort();
    await new Promise<void>((resolve) => hung.listen(port, "127.0.0.1", resolve));
    const store = openPostgresStore(`postgres://nobody:secret@127.0.0.1:${port}/audit`, { timeoutMs: 300 });
    try {
      const started = performance.now();
      await expect(store.append([sampleEntry(1)])).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(silent.length).toBeGreaterThan(0);
    } finally {
      silent.forEach((s) => s.destroy());
      await store.close().catch(() => undefined);
      await new Promise((resolve) => hung.close(resolve));
    }
  });

  it("a connection URL with a wrong password is refused without the password in the error", async () => {
    const wrong = url.replace(/:[^:@/]+@/, ":not-the-password-7f3a@");
    const store = openPostgresStore(wrong);
    try {
      const error: unknown = await store.append([sampleEntry(1)]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(String((error as Error).message)).not.toContain("not-the-password-7f3a");
    } finally {
      await store.close().catch(() => undefined);
    }
  });
});
