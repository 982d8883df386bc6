// The embedded audit store on a real SQLite file: chain, restart, tampering, retention, batching.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "./sqlite-store";
import type { AuditStore } from "./store";
import type { SealedEntry } from "./types";
import { verifyStore } from "./verify";
import { AuditWriter } from "./writer";

let dir: string;
let file: string;
let store: AuditStore;

const entry = (n: number, time = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString()): SealedEntry => ({
  time,
  agent_name: `agent ${n}`,
  agent_email: null,
  agent_source: "standalone",
  agent_role: "agent",
  action: "view",
  collection: "users",
  identifier_enc: `sealed-${n}`,
  identifier_lookup: `lookup-${n % 3}`,
  outcome: "ok",
  request_id: `req-${n}`,
  detail: null,
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "audit-store-"));
  file = path.join(dir, "nested", "audit.db");
  store = openSqliteStore(file);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the SQLite audit store", () => {
  it("creates its file and folder, and entries survive closing and reopening", async () => {
    await store.append([entry(1), entry(2)]);
    await store.close();
    store = openSqliteStore(file);
    await store.append([entry(3)]);
    expect((await store.scan(0, 10)).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await verifyStore(store)).toEqual({ ok: true, checked: 3, lastSeq: 3 });
  });

  it("verification names the first entry whose stored value was altered by hand", async () => {
    await store.append([1, 2, 3, 4].map((n) => entry(n)));
    const raw = new Database(file);
    raw.prepare("UPDATE audit_entries SET agent_name = 'someone else' WHERE seq = 3").run();
    raw.close();
    const result = await verifyStore(store);
    expect(result).toMatchObject({ ok: false, seq: 3 });
    expect(result.ok ? "" : result.reason).toContain("altered");
  });

  it("verification notices an entry removed from the middle", async () => {
    await store.append([1, 2, 3, 4].map((n) => entry(n)));
    const raw = new Database(file);
    raw.prepare("DELETE FROM audit_entries WHERE seq = 2").run();
    raw.close();
    expect(await verifyStore(store)).toMatchObject({ ok: false, seq: 3 });
  });

  it("retention removes old entries and what remains (and what comes after) still verifies", async () => {
    await store.append([1, 2, 3, 4, 5].map((n) => entry(n)));
    expect(await store.removeOlderThan(entry(3).time)).toBe(2);
    expect(await store.checkpoint()).toMatchObject({ seq: 2 });
    await store.append([entry(6)]);
    expect(await verifyStore(store)).toEqual({ ok: true, checked: 4, lastSeq: 6 });
    // Removing the oldest kept entry by hand (past the checkpoint) is a break, not a retention.
    const raw = new Database(file);
    raw.prepare("DELETE FROM audit_entries WHERE seq = 3").run();
    raw.close();
    expect(await verifyStore(store)).toMatchObject({ ok: false, seq: 4 });
  });

  it("filters newest first by agent, customer lookup, action and time, with seq paging", async () => {
    await store.append([1, 2, 3, 4, 5, 6].map((n) => entry(n)));
    expect((await store.query({ limit: 2 })).map((e) => e.seq)).toEqual([6, 5]);
    expect((await store.query({ limit: 10, identifierLookup: "lookup-1" })).map((e) => e.seq)).toEqual([4, 1]);
    expect((await store.query({ limit: 10, agent: "agent 2" })).map((e) => e.seq)).toEqual([2]);
    expect((await store.query({ limit: 10, since: entry(2).time, until: entry(4).time })).map((e) => e.seq)).toEqual([
      3, 2,
    ]);
    expect((await store.query({ limit: 2, beforeSeq: 5 })).map((e) => e.seq)).toEqual([4, 3]);
  });
});

describe("the batching writer", () => {
  it("writes concurrent records in few transactions, each caller waiting for its commit", async () => {
    let transactions = 0;
    const counting: AuditStore = { ...store, append: (entries) => ((transactions += 1), store.append(entries)) };
    const writer = new AuditWriter(counting, { flushDelayMs: 5 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 200 }, (_, i) => writer.record(entry(i + 1))));
    expect(performance.now() - started).toBeLessThan(500);
    expect(transactions).toBeLessThanOrEqual(3);
    expect(await verifyStore(store)).toMatchObject({ ok: true, checked: 200 });
  });

  it("rejects every caller of a batch the store refused", async () => {
    const failing: AuditStore = { ...store, append: () => Promise.reject(new Error("disk full")) };
    const writer = new AuditWriter(failing);
    await expect(Promise.all([writer.record(entry(1)), writer.record(entry(2))])).rejects.toThrow("disk full");
  });

  it("flushSync writes what is queued (the process-exit path)", async () => {
    const writer = new AuditWriter(store, { flushDelayMs: 60_000 });
    void writer.record(entry(1));
    void writer.record(entry(2));
    expect(writer.pending).toBe(2);
    expect(writer.flushSync()).toBe(true);
    expect((await store.scan(0, 10)).length).toBe(2);
  });
});
