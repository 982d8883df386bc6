/**
 * What every audit store promises (lib/audit/store.ts), as one suite each store runs against its real database:
 * the embedded SQLite file and a real Postgres server. A store passes by behaviour, not by sharing code.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditStore } from "@/lib/audit/store";
import type { SealedEntry } from "@/lib/audit/types";
import { verifyStore } from "@/lib/audit/verify";
import { AuditWriter } from "@/lib/audit/writer";

export type StoreUnderTest = {
  /** New, empty storage for the next test (a new file, a new database). */
  fresh(): Promise<void> | void;
  /** A store on the current storage; called again, a second connection to the same data (a restart, another instance). */
  open(): Promise<AuditStore> | AuditStore;
  /** One SQL statement run by hand against the current storage, outside the store (the tamperer's view). */
  exec(sql: string): Promise<void> | void;
};

export const sampleEntry = (n: number, time = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString()): SealedEntry => ({
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

const entries = (...ns: number[]) => ns.map((n) => sampleEntry(n));

export function describeAuditStoreContract(name: string, subject: StoreUnderTest): void {
  let store: AuditStore;
  const opened: AuditStore[] = [];
  const open = async () => {
    const next = await subject.open();
    opened.push(next);
    return next;
  };

  beforeEach(async () => {
    await subject.fresh();
    store = await open();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)));
  });

  describe(`the ${name} audit store`, () => {
    it("keeps entries across closing and reopening, and the chain goes on where it stopped", async () => {
      await store.append(entries(1, 2));
      await store.close();
      store = await open();
      await store.append(entries(3));
      expect((await store.scan(0, 10)).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(await verifyStore(store)).toEqual({ ok: true, checked: 3, lastSeq: 3 });
    });

    it("stores every field as given (what the auditor reads back is what was recorded)", async () => {
      const recorded = { ...sampleEntry(1), agent_email: "ann@example.com", detail: "trait:phone" };
      await store.append([recorded]);
      const [stored] = await store.scan(0, 1);
      expect(stored).toMatchObject({ ...recorded, seq: 1, prev_hash: "0".repeat(64) });
      expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it("verification names the first entry whose stored value was altered by hand", async () => {
      await store.append(entries(1, 2, 3, 4));
      await subject.exec("UPDATE audit_entries SET agent_name = 'someone else' WHERE seq = 3");
      const result = await verifyStore(store);
      expect(result).toMatchObject({ ok: false, seq: 3, checked: 2 });
      expect(result.ok ? "" : result.reason).toContain("altered");
    });

    it("verification notices an entry removed from the middle", async () => {
      await store.append(entries(1, 2, 3, 4));
      await subject.exec("DELETE FROM audit_entries WHERE seq = 2");
      expect(await verifyStore(store)).toMatchObject({ ok: false, seq: 3 });
    });

    it("retention removes old entries; what remains (and what comes after) still verifies", async () => {
      await store.append(entries(1, 2, 3, 4, 5));
      expect(await store.removeOlderThan(sampleEntry(3).time)).toBe(2);
      expect(await store.checkpoint()).toMatchObject({ seq: 2 });
      await store.append(entries(6));
      expect(await verifyStore(store)).toEqual({ ok: true, checked: 4, lastSeq: 6 });
      // The next run moves the checkpoint on.
      expect(await store.removeOlderThan(sampleEntry(5).time)).toBe(2);
      expect(await store.checkpoint()).toMatchObject({ seq: 4 });
      expect(await verifyStore(store)).toEqual({ ok: true, checked: 2, lastSeq: 6 });
      // Removing the oldest kept entry by hand (past the checkpoint) is a break, not a retention.
      await subject.exec("DELETE FROM audit_entries WHERE seq = 5");
      expect(await verifyStore(store)).toMatchObject({ ok: false, seq: 6 });
    });

    it("retention of every entry leaves a chain that goes on from the checkpoint", async () => {
      await store.append(entries(1, 2));
      expect(await store.removeOlderThan("2030-01-01T00:00:00.000Z")).toBe(2);
      await store.append(entries(3));
      expect((await store.scan(0, 10)).map((e) => e.seq)).toEqual([3]);
      expect(await verifyStore(store)).toEqual({ ok: true, checked: 1, lastSeq: 3 });
    });

    it("filters newest first by agent, customer lookup, action and time, with seq paging", async () => {
      await store.append([...entries(1, 2, 3, 4, 5), { ...sampleEntry(6), action: "reveal" }]);
      const seqs = async (filter: Parameters<AuditStore["query"]>[0]) => (await store.query(filter)).map((e) => e.seq);
      expect(await seqs({ limit: 2 })).toEqual([6, 5]);
      expect(await seqs({ limit: 10, identifierLookup: "lookup-1" })).toEqual([4, 1]);
      expect(await seqs({ limit: 10, agent: "agent 2" })).toEqual([2]);
      expect(await seqs({ limit: 10, action: "reveal" })).toEqual([6]);
      expect(await seqs({ limit: 10, since: sampleEntry(2).time, until: sampleEntry(4).time })).toEqual([3, 2]);
      expect(await seqs({ limit: 2, beforeSeq: 5 })).toEqual([4, 3]);
      expect(await seqs({ limit: 10, agent: "agent 2' OR '1'='1" })).toEqual([]);
    });

    it("two writers on the same storage append to one chain that verifies (no fork, no gap)", async () => {
      const other = await open();
      const rounds = Array.from({ length: 20 }, (_, round) => [
        store.append(entries(round * 4 + 1, round * 4 + 2)),
        other.append(entries(round * 4 + 3, round * 4 + 4)),
      ]);
      await Promise.all(rounds.flat());
      expect((await store.scan(0, 100)).map((e) => e.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
      expect(await verifyStore(other)).toEqual({ ok: true, checked: 80, lastSeq: 80 });
    });
  });

  describe(`the batching writer on the ${name} store`, () => {
    it("writes concurrent records in few transactions, each caller waiting for its commit", async () => {
      let transactions = 0;
      const counting: AuditStore = { ...store, append: (batch) => ((transactions += 1), store.append(batch)) };
      const writer = new AuditWriter(counting, { flushDelayMs: 5 });
      const started = performance.now();
      await Promise.all(Array.from({ length: 200 }, (_, i) => writer.record(sampleEntry(i + 1))));
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(transactions).toBeLessThanOrEqual(3);
      expect(await verifyStore(store)).toMatchObject({ ok: true, checked: 200 });
    });

    it("rejects every caller of a batch the store refused", async () => {
      const failing: AuditStore = { ...store, append: () => Promise.reject(new Error("disk full")) };
      const writer = new AuditWriter(failing);
      await expect(Promise.all([writer.record(sampleEntry(1)), writer.record(sampleEntry(2))])).rejects.toThrow(
        "disk full",
      );
    });

    it("close writes everything still queued (a clean shutdown loses nothing)", async () => {
      const writer = new AuditWriter(store, { flushDelayMs: 60_000 });
      const written = Promise.all([1, 2, 3].map((n) => writer.record(sampleEntry(n))));
      expect(writer.pending).toBe(3);
      await writer.close();
      await written;
      const reopened = await open();
      expect((await reopened.scan(0, 10)).map((e) => e.seq)).toEqual([1, 2, 3]);
    });
  });
}
