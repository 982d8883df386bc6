/**
 * `npm run bench:audit`: what auditing costs, measured on this machine against a real SQLite file (the embedded store,
 * synchronous=FULL) and, when Postgres is installed (or installable), a throwaway Postgres cluster with fsync on (the
 * test support's): the wait one request adds in closed mode (alone, and among 50 concurrent ones), and the entries
 * per second the batching writer sustains. Bounded: fixed counts; temp folders and the cluster are removed at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openPostgresStore } from "../lib/audit/postgres-store";
import { openSqliteStore } from "../lib/audit/sqlite-store";
import type { AuditStore } from "../lib/audit/store";
import type { SealedEntry } from "../lib/audit/types";
import { AuditWriter } from "../lib/audit/writer";
import { startPostgres, type TestPostgres } from "../tests/support/postgres-server";

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

type Row = [string, string];

const spread = (values: number[]) =>
  `${percentile(values, 50).toFixed(2)} ms / ${percentile(values, 99).toFixed(2)} ms`;

/** The closed-mode waits (alone, 50 at once) and the sustained entries/s of one store behind the batching writer. */
async function measure(store: AuditStore, label: string, total: number): Promise<Row[]> {
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
    const started = performance.now();
    await Promise.all(Array.from({ length: total }, (_, i) => writer.record(entry(i))));
    const perSecond = Math.round(total / ((performance.now() - started) / 1000));
    return [
      [`${label}: closed-mode wait, one request at a time (p50 / p99)`, spread(alone)],
      [`${label}: closed-mode wait, 50 concurrent requests (p50 / p99)`, spread(crowded)],
      [`${label}: sustained entries/s (batched)`, `${perSecond}`],
    ];
  } finally {
    await writer.close();
  }
}

async function sqliteRows(): Promise<Row[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-audit-"));
  try {
    return await measure(openSqliteStore(path.join(dir, "audit.db")), "SQLite (synchronous=FULL)", 50_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A throwaway cluster (fsync on, as in production) when Postgres is installed or installable; else no rows. */
async function postgresRows(): Promise<Row[]> {
  let server: TestPostgres | undefined;
  try {
    server = await startPostgres({ durable: true });
    const url = await server.createDatabase("bench_audit");
    // A long timeout: this measures throughput on a shared machine, not how a hung database is refused.
    return await measure(openPostgresStore(url, { timeoutMs: 30_000 }), "Postgres (fsync on, loopback)", 50_000);
  } catch (error) {
    return [["Postgres", `not measured: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`]];
  } finally {
    await server?.destroy();
  }
}

async function main() {
  const rows = [...(await sqliteRows()), ...(await postgresRows())];
  for (const [name, value] of rows) console.log(`${name.padEnd(80)} ${value}`);
}

await main();
