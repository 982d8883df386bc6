/**
 * `npm run bench:audit`: what auditing costs, measured on this machine against a real SQLite file (the embedded store,
 * synchronous=FULL): the wait one request adds in closed mode (alone, and among 50 concurrent ones), and the entries
 * per second the batching writer sustains. Bounded: fixed counts; the file lives in a temp folder removed at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openSqliteStore } from "../lib/audit/sqlite-store";
import type { SealedEntry } from "../lib/audit/types";
import { AuditWriter } from "../lib/audit/writer";

const entry = (n: number): SealedEntry => ({
  time: new Date().toISOString(),
  agent_name: `bench agent ${n % 20}`,
  agent_email: null,
  agent_source: "standalone",
  agent_role: "agent",
  action: "view",
  collection: "users",
  identifier_enc: "x".repeat(60),
  identifier_lookup: "y".repeat(64),
  outcome: "ok",
  request_id: `req-${n}`,
  detail: null,
});

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-audit-"));
  const store = openSqliteStore(path.join(dir, "audit.db"));
  const writer = new AuditWriter(store);
  try {
    const alone: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const started = performance.now();
      await writer.record(entry(i));
      alone.push(performance.now() - started);
    }
    const crowded: number[] = [];
    for (let round = 0; round < 40; round += 1) {
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const started = performance.now();
          await writer.record(entry(round * 50 + i));
          crowded.push(performance.now() - started);
        }),
      );
    }
    const total = 50_000;
    const started = performance.now();
    await Promise.all(Array.from({ length: total }, (_, i) => writer.record(entry(i))));
    const perSecond = Math.round(total / ((performance.now() - started) / 1000));
    const rows: Array<[string, string]> = [
      [
        "closed-mode wait, one request at a time (p50 / p99)",
        `${percentile(alone, 50).toFixed(2)} ms / ${percentile(alone, 99).toFixed(2)} ms`,
      ],
      [
        "closed-mode wait, 50 concurrent requests (p50 / p99)",
        `${percentile(crowded, 50).toFixed(2)} ms / ${percentile(crowded, 99).toFixed(2)} ms`,
      ],
      ["embedded store, sustained entries/s (batched, synchronous=FULL)", `${perSecond}`],
    ];
    for (const [name, value] of rows) console.log(`${name.padEnd(66)} ${value}`);
  } finally {
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
