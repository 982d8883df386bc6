import type { Checkpoint, SealedEntry, StoredEntry } from "./types";

/** The auditor's filters (DESIGN §10), already resolved: the customer as its lookup hash. Newest first, by seq. */
export type AuditFilter = {
  agent?: string;
  identifierLookup?: string;
  action?: string;
  since?: string;
  until?: string;
  /** Only entries older than this seq (the next page). */
  beforeSeq?: number;
  limit: number;
};

/**
 * Where the trail is kept: the embedded SQLite file (one instance) or Postgres (several). Both chain appended entries
 * inside one transaction that also reads the newest hash, so concurrent writers (several instances on Postgres) can
 * never fork the chain.
 */
export interface AuditStore {
  readonly kind: "sqlite" | "postgres";
  /** Connects and migrates ahead of the first entry (Postgres, at start-up); rejects while the database is away. */
  ready?(): Promise<void>;
  append(entries: readonly SealedEntry[]): Promise<void>;
  /** Removes entries older than `cutoff` (ISO time), moving the checkpoint to the newest removed one. */
  removeOlderThan(cutoff: string): Promise<number>;
  checkpoint(): Promise<Checkpoint | null>;
  /** Every entry, oldest first, in pages (for verification). */
  scan(afterSeq: number, limit: number): Promise<StoredEntry[]>;
  query(filter: AuditFilter): Promise<StoredEntry[]>;
  close(): Promise<void>;
  /** Synchronous append for the last flush at process exit, where only synchronous work still runs (SQLite only). */
  appendSync?(entries: readonly SealedEntry[]): void;
}
