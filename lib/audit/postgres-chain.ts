import type pg from "pg";
import { chainEntries, GENESIS } from "./chain";
import { STORED_COLUMNS } from "./filter-sql";
import { CHAIN_LOCK } from "./postgres-migrations";
import type { Checkpoint, SealedEntry } from "./types";

/** Postgres column types of STORED_COLUMNS, for the one-statement `unnest` insert of a whole batch. */
const ARRAY_TYPES = STORED_COLUMNS.map((c) => (c === "seq" ? "bigint[]" : "text[]"));
const INSERT_BATCH = `INSERT INTO audit_entries (${STORED_COLUMNS.join(", ")})
  SELECT * FROM unnest(${ARRAY_TYPES.map((t, i) => `$${i + 1}::${t}`).join(", ")})`;

type HeadRow = { seq: string; hash: string };

/** bigint arrives as a string: seq is a JS number (chains never get near 2^53). */
export const toCheckpoint = (row: HeadRow | undefined): Checkpoint | null =>
  row ? { seq: Number(row.seq), hash: row.hash } : null;

/**
 * One transaction holding the chain lock (`pg_advisory_xact_lock`, released at commit or when the session ends): every
 * change to the chain, from any process, runs inside one, one at a time.
 */
export async function inChainTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const ignore = () => undefined; // a drop mid-transaction also rejects the pending query, which is what we handle
  client.on("error", ignore);
  let failure: Error | undefined;
  try {
    // The lock is its own statement: the head is read after it is granted, with a snapshot that sees every earlier
    // append (READ COMMITTED takes one per statement).
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${CHAIN_LOCK[0]}, ${CHAIN_LOCK[1]})`);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw failure;
  } finally {
    client.off("error", ignore);
    // A failed session is closed rather than reused: the server rolls its transaction back and frees the lock.
    client.release(failure);
  }
}

/** The newest entry, else the retention checkpoint, else the genesis: what the next entry chains onto. */
async function readHead(client: pg.PoolClient): Promise<Checkpoint> {
  const newest = await client.query<HeadRow>("SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1");
  if (newest.rows[0]) return toCheckpoint(newest.rows[0]) ?? GENESIS;
  const checkpoint = await client.query<HeadRow>("SELECT seq, hash FROM audit_checkpoint WHERE id = 1");
  return toCheckpoint(checkpoint.rows[0]) ?? GENESIS;
}

/** Chains the batch after the head and inserts it in one statement (one array per column). */
export async function insertChained(client: pg.PoolClient, entries: readonly SealedEntry[]): Promise<void> {
  const rows = chainEntries(entries, await readHead(client));
  await client.query(
    INSERT_BATCH,
    STORED_COLUMNS.map((column) => rows.map((row) => row[column])),
  );
}

/** Retention: the newest entry older than `cutoff` becomes the checkpoint; it and everything before it go. */
export async function removeThrough(client: pg.PoolClient, cutoff: string): Promise<number> {
  const last = await client.query<HeadRow>(
    "SELECT seq, hash FROM audit_entries WHERE time < $1 ORDER BY seq DESC LIMIT 1",
    [cutoff],
  );
  const checkpoint = toCheckpoint(last.rows[0]);
  if (!checkpoint) return 0;
  await client.query(
    `INSERT INTO audit_checkpoint (id, seq, hash) VALUES (1, $1, $2)
     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
    [checkpoint.seq, checkpoint.hash],
  );
  return (await client.query("DELETE FROM audit_entries WHERE seq <= $1", [checkpoint.seq])).rowCount ?? 0;
}
