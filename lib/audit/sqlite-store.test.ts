// The embedded audit store on a real SQLite file: the shared store contract, plus what only SQLite does (creating the
// file's folder, the synchronous last flush at process exit).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { describeAuditStoreContract, sampleEntry } from "@/tests/support/audit-store-contract";
import { openSqliteStore } from "./sqlite-store";
import { AuditWriter } from "./writer";

const root = mkdtempSync(path.join(tmpdir(), "audit-store-"));
let file = "";
let n = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeAuditStoreContract("SQLite", {
  fresh: () => {
    n += 1;
    file = path.join(root, `run-${n}`, "nested", "audit.db");
  },
  open: () => openSqliteStore(file),
  exec: (sql) => {
    const raw = new Database(file);
    try {
      raw.prepare(sql).run();
    } finally {
      raw.close();
    }
  },
});

describe("the SQLite store alone", () => {
  it("creates its file and the folders above it", async () => {
    const nested = path.join(root, "fresh", "a", "b", "audit.db");
    const store = openSqliteStore(nested);
    await store.close();
    expect(existsSync(nested)).toBe(true);
  });

  it("flushSync writes what is queued (the process-exit path)", async () => {
    const store = openSqliteStore(path.join(root, "sync", "audit.db"));
    const writer = new AuditWriter(store, { flushDelayMs: 60_000 });
    void writer.record(sampleEntry(1));
    void writer.record(sampleEntry(2));
    expect(writer.pending).toBe(2);
    expect(writer.flushSync()).toBe(true);
    expect((await store.scan(0, 10)).length).toBe(2);
    await store.close();
  });
});
