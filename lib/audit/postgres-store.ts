import pg from "pg";
import { filterConditions } from "./filter-sql";
import { inChainTransaction, insertChained, removeThrough, toCheckpoint } from "./postgres-chain";
import { migrate } from "./postgres-migrations";
import type { AuditFilter, AuditStore } from "./store";
import type { SealedEntry, StoredEntry } from "./types";

export type PostgresStoreOptions = {
  /** Longest wait for a connection, for one statement, and for the schema at first use: past it the call fails. */
  timeoutMs?: number;
  /** Connections this process keeps at most. */
  maxConnections?: number;
};

/** bigint arrives as a string: seq is a JS number (chains never get near 2^53). */
const toEntry = (row: Record<string, unknown>): StoredEntry => ({ ...row, seq: Number(row.seq) }) as StoredEntry;

/** `$1 … $n` in place of the filter's `?`. */
function numbered(conditions: string[]): string {
  let n = 0;
  return conditions.map((c) => c.replace("?", () => `$${(n += 1)}`)).join(" AND ");
}

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function createPool(url: string, timeoutMs: number, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
    // A session stuck mid-transaction (its client gone quiet) must not hold the chain lock for long.
    idle_in_transaction_session_timeout: timeoutMs * 2,
    idleTimeoutMillis: 30_000,
    application_name: "profile-sidebar-audit",
    keepAlive: true,
  });
  // An idle connection the server dropped (restart, outage) is reported here: without a listener it would crash the
  // process. The pool replaces it; the next call reconnects or fails within the timeout.
  pool.on("error", () => undefined);
  return pool;
}

/**
 * The audit store on Postgres (DATABASE_URL), for several instances writing one chain. Every append runs in one
 * transaction that first takes `pg_advisory_xact_lock` (the chain lock), then reads the chain's head and inserts the
 * batch: appends from every process are serialised, and the seq primary key refuses a fork even if that were bypassed.
 * Migrations run at first use (and at start-up through `ready`), under their own advisory lock.
 */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): AuditStore {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const pool = createPool(url, timeoutMs, options.maxConnections ?? 5);
  let schema: Promise<unknown> | undefined;

  /** The schema, migrated once per process; a failed attempt (database down) is retried at the next call. */
  const ready = async (): Promise<void> => {
    schema ??= migrate(pool).catch((error: unknown) => {
      schema = undefined;
      throw error;
    });
    await within(schema, Math.max(timeoutMs, 10_000), "the audit schema migration");
  };

  const append = async (entries: readonly SealedEntry[]): Promise<void> => {
    if (entries.length === 0) return;
    await ready();
    await inChainTransaction(pool, (client) => insertChained(client, entries));
  };

  const removeOlderThan = async (cutoff: string): Promise<number> => {
    await ready();
    return inChainTransaction(pool, (client) => removeThrough(client, cutoff));
  };

  const select = async (text: string, values: unknown[]): Promise<StoredEntry[]> => {
    await ready();
    return (await pool.query<Record<string, unknown>>(text, values)).rows.map(toEntry);
  };

  return {
    kind: "postgres",
    ready,
    append,
    removeOlderThan,
    checkpoint: async () => {
      await ready();
      const rows = await pool.query<{ seq: string; hash: string }>(
        "SELECT seq, hash FROM audit_checkpoint WHERE id = 1",
      );
      return toCheckpoint(rows.rows[0]);
    },
    scan: (afterSeq, limit) =>
      select("SELECT * FROM audit_entries WHERE seq > $1 ORDER BY seq LIMIT $2", [afterSeq, limit]),
    query: (filter: AuditFilter) => {
      const { conditions, values } = filterConditions(filter);
      const where = conditions.length ? `WHERE ${numbered(conditions)}` : "";
      return select(`SELECT * FROM audit_entries ${where} ORDER BY seq DESC LIMIT $${values.length + 1}`, [
        ...values,
        filter.limit,
      ]);
    },
    close: () => pool.end(),
  };
}
