// The batching writer's promise to an agent's request: a lone entry is committed at once (no waiting for company),
// and entries arriving while a batch is written go together in the next one.
import { describe, expect, it } from "vitest";
import { sampleEntry } from "@/tests/support/audit-store-contract";
import type { AuditStore } from "./store";
import type { SealedEntry } from "./types";
import { AuditWriter } from "./writer";

const entry = (n: number) => sampleEntry(n);

/** A store whose batches are recorded and whose commits take `commitMs`. */
function slowStore(commitMs: number) {
  const batches: number[] = [];
  const store = {
    append: async (entries: SealedEntry[]) => {
      batches.push(entries.length);
      await new Promise((resolve) => setTimeout(resolve, commitMs));
    },
    close: () => Promise.resolve(),
  } as unknown as AuditStore;
  return { store, batches };
}

describe("AuditWriter (group commit)", () => {
  it("commits a lone entry right away instead of waiting for company", async () => {
    const { store, batches } = slowStore(0);
    const writer = new AuditWriter(store);
    const first = await Promise.race([
      writer.record(entry(1)).then(() => "committed"),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 4)),
    ]);
    expect(first).toBe("committed");
    expect(batches).toEqual([1]);
  });

  it("writes what arrives during a commit as the next batch, one batch at a time", async () => {
    const { store, batches } = slowStore(20);
    const writer = new AuditWriter(store);
    const firstCommit = writer.record(entry(1));
    await new Promise((resolve) => setImmediate(resolve)); // the first batch is now being written
    const during = Array.from({ length: 30 }, (_, i) => writer.record(entry(i + 2)));
    await Promise.all([firstCommit, ...during]);
    expect(batches).toEqual([1, 30]);
  });
});
