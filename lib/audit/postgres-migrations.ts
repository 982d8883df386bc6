import type pg from "pg";

/**
 * The Postgres audit schema, versioned: each migration runs once, in its own transaction, and is recorded in
 * `audit_schema_migrations`. Append new versions at the end; never edit one that has shipped.
 * `time` is the ISO text the chain hashes (as in SQLite): a timestamptz would round-trip through another format.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: "audit entries and retention checkpoint",
    sql: `CREATE TABLE audit_entries (
            seq bigint PRIMARY KEY, time text NOT NULL, agent_name text NOT NULL, agent_email text,
            agent_source text NOT NULL, agent_role text NOT NULL, action text NOT NULL, collection text,
            identifier_enc text, identifier_lookup text, outcome text NOT NULL, request_id text, detail text,
            prev_hash text NOT NULL, hash text NOT NULL);
          CREATE INDEX audit_entries_time ON audit_entries (time);
          CREATE INDEX audit_entries_lookup ON audit_entries (identifier_lookup, seq);
          CREATE INDEX audit_entries_agent ON audit_entries (agent_name, seq);
          CREATE INDEX audit_entries_action ON audit_entries (action, seq);
          CREATE TABLE audit_checkpoint (
            id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, hash text NOT NULL);`,
  },
];

/** Advisory lock keys (two int4s): one serialises migrations, the other every change to the chain. */
export const MIGRATION_LOCK = [0x5a_1d_eb, 1] as const;
export const CHAIN_LOCK = [0x5a_1d_eb, 2] as const;

/** A migration may take longer than one agent's statement; it still has a bound. */
const MIGRATION_TIMEOUT_MS = 60_000;

/**
 * Brings the schema up to date. Several instances starting at once queue on a session advisory lock, so exactly one
 * of them applies each version and the others find it recorded.
 */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  // query_timeout per query is honoured by pg's client, though its types do not list it.
  const run = (text: string, values?: unknown[]) =>
    client.query<{ version: number }>({ text, values, query_timeout: MIGRATION_TIMEOUT_MS } as pg.QueryConfig);
  try {
    await run(`SET statement_timeout = ${MIGRATION_TIMEOUT_MS}`);
    await run("SELECT pg_advisory_lock($1, $2)", [...MIGRATION_LOCK]);
    try {
      await run(`CREATE TABLE IF NOT EXISTS audit_schema_migrations (
                   version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set((await run("SELECT version FROM audit_schema_migrations")).rows.map((r) => r.version));
      let applied = 0;
      for (const migration of MIGRATIONS.filter((m) => !done.has(m.version))) {
        await run("BEGIN");
        try {
          await run(migration.sql);
          await run("INSERT INTO audit_schema_migrations (version, name) VALUES ($1, $2)", [
            migration.version,
            migration.name,
          ]);
          await run("COMMIT");
          applied += 1;
        } catch (error) {
          await run("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }
      return applied;
    } finally {
      await run("SELECT pg_advisory_unlock($1, $2)", [...MIGRATION_LOCK]);
    }
  } finally {
    // Never back into the pool: this session has the longer statement_timeout.
    client.release(true);
  }
}
