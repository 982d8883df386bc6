import { createHash } from "node:crypto";
import type { Checkpoint, SealedEntry, StoredEntry } from "./types";

/** The previous hash of the very first entry. */
export const GENESIS_HASH = "0".repeat(64);
export const GENESIS: Checkpoint = { seq: 0, hash: GENESIS_HASH };

/** Every stored field in a fixed order: the hash covers all of them, including seq and the previous hash. */
function canonicalContent(entry: SealedEntry, seq: number, prevHash: string): string {
  return JSON.stringify([
    seq,
    entry.time,
    entry.agent_name,
    entry.agent_email,
    entry.agent_source,
    entry.agent_role,
    entry.action,
    entry.collection,
    entry.identifier_enc,
    entry.identifier_lookup,
    entry.outcome,
    entry.request_id,
    entry.detail,
    prevHash,
  ]);
}

/** SHA-256 over the previous entry's hash and this entry's content. */
export function entryHash(entry: SealedEntry, seq: number, prevHash: string): string {
  return createHash("sha256")
    .update(canonicalContent(entry, seq, prevHash), "utf8")
    .digest("hex");
}

/** Chains new entries after `last` (the newest stored entry, or the checkpoint, or GENESIS). */
export function chainEntries(entries: readonly SealedEntry[], last: Checkpoint): StoredEntry[] {
  let { seq, hash } = last;
  return entries.map((entry) => {
    seq += 1;
    const stored = { ...entry, seq, prev_hash: hash, hash: entryHash(entry, seq, hash) };
    hash = stored.hash;
    return stored;
  });
}

export type VerifyResult =
  { ok: true; checked: number; lastSeq: number } | { ok: false; checked: number; seq: number; reason: string };

/**
 * Walks the chain from where it starts (GENESIS, or the retention checkpoint): each entry must follow the previous one
 * (seq + 1), carry its hash, and hash to what it says. The first entry that does not is named.
 */
export function createVerifier(start: Checkpoint) {
  let expected = start;
  let checked = 0;
  return {
    check(entry: StoredEntry): VerifyResult | null {
      const fail = (reason: string): VerifyResult => ({ ok: false, checked, seq: entry.seq, reason });
      if (entry.seq !== expected.seq + 1)
        return fail(`expected entry ${expected.seq + 1}, found ${entry.seq} (entries removed or reordered)`);
      if (entry.prev_hash !== expected.hash) return fail("its previous-hash does not match the entry before it");
      if (entryHash(entry, entry.seq, entry.prev_hash) !== entry.hash)
        return fail("its content does not match its hash (altered)");
      checked += 1;
      expected = { seq: entry.seq, hash: entry.hash };
      return null;
    },
    done(): VerifyResult {
      return { ok: true, checked, lastSeq: expected.seq };
    },
  };
}
