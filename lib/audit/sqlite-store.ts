import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { chainEntries, GENESIS } from "./chain";
import { filterConditions, STORED_COLUMNS } from "./filter-sql";
import type { AuditFilter, AuditStore } from "./store";
import type { Checkpoint, SealedEntry, StoredEntry } from "./types";

/** Schema versions, applied in order at open (PRAGMA user_version says how far a file is). */
const MIGRATIONS = [
  `CREATE TABLE audit_entries (
     seq INTEGER PRIMARY KEY, time TEXT NOT NULL, agent_name TEXT NOT NULL, agent_email TEXT, agent_source TEXT NOT NULL,
     agent_role TEXT NOT NULL, action TEXT NOT NULL, collection TEXT, identifier_enc TEXT, identifier_lookup TEXT,
     outcome TEXT NOT NULL, request_id TEXT, detail TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
   CREATE INDEX audit_entries_time ON audit_entries (time);
   CREATE INDEX audit_entries_lookup ON audit_entries (identifier_lookup, seq);
   CREATE INDEX audit_entries_agent ON audit_entries (agent_name, seq);
   CREATE TABLE audit_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);`,
];

/** better-sqlite3 is synchronous: its result (or its throw, as a rejection) behind the store's promise interface. */
const settle = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

function migrate(db: Database.Database): void {
  const version = Number(db.pragma("user_version", { simple: true }));
  for (let v = version; v < MIGRATIONS.length; v += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] ?? "");
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/** `?` placeholders and values of the auditor's filters. */
function whereOf(filter: AuditFilter): { sql: string; values: unknown[] } {
  const { conditions, values } = filterConditions(filter);
  return { sql: conditions.length ? `WHERE ${conditions.join(" AND ")}` : "", values };
}

/**
 * The embedded audit store: one SQLite file (better-sqlite3), WAL so readers never block the writer, synchronous=FULL
 * so an acknowledged batch survives a power cut. Appends run in a `BEGIN IMMEDIATE` transaction: a second process on
 * the same file waits for the lock instead of forking the chain.
 */
export function openSqliteStore(file: string): AuditStore {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  const newest = db.prepare("SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1");
  const readCheckpoint = db.prepare("SELECT seq, hash FROM audit_checkpoint WHERE id = 1");
  const insert = db.prepare(
    `INSERT INTO audit_entries (${STORED_COLUMNS.join(", ")}) VALUES (${STORED_COLUMNS.map((c) => `@${c}`).join(", ")})`,
  );
  const appendAll = db.transaction((entries: readonly SealedEntry[]) => {
    const last = (newest.get() ?? readCheckpoint.get() ?? GENESIS) as Checkpoint;
    for (const row of chainEntries(entries, last)) insert.run(row);
  });
  const newestBefore = db.prepare("SELECT seq, hash FROM audit_entries WHERE time < ? ORDER BY seq DESC LIMIT 1");
  const remove = db.transaction((cutoff: string) => {
    const last = newestBefore.get(cutoff) as Checkpoint | undefined;
    if (!last) return 0;
    db.prepare(
      "INSERT INTO audit_checkpoint (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
    ).run(last.seq, last.hash);
    return db.prepare("DELETE FROM audit_entries WHERE seq <= ?").run(last.seq).changes;
  });
  const appendSync = (entries: readonly SealedEntry[]) => {
    if (entries.length) appendAll.immediate(entries);
  };
  return {
    kind: "sqlite",
    appendSync,
    append: (entries) => settle(() => appendSync(entries)),
    removeOlderThan: (cutoff) => settle(() => remove.immediate(cutoff)),
    checkpoint: () => settle(() => (readCheckpoint.get() as Checkpoint | undefined) ?? null),
    scan: (afterSeq, limit) =>
      settle(
        () =>
          db
            .prepare("SELECT * FROM audit_entries WHERE seq > ? ORDER BY seq LIMIT ?")
            .all(afterSeq, limit) as StoredEntry[],
      ),
    query: (filter) =>
      settle(() => {
        const where = whereOf(filter);
        return db
          .prepare(`SELECT * FROM audit_entries ${where.sql} ORDER BY seq DESC LIMIT ?`)
          .all(...where.values, filter.limit) as StoredEntry[];
      }),
    close: () =>
      settle(() => {
        if (db.open) db.close();
      }),
  };
}
