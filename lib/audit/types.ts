import type { AgentSource } from "@/lib/auth/agent";
import type { Role } from "@/lib/governance/roles";

/** What an audit entry records (DESIGN §10). `read`: one resource of a profile (traits, events, ...) through the API. */
export const AUDIT_ACTIONS = ["view", "read", "reveal", "audit_read", "audit_export", "sign_in"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One thing that happened, as the app reports it (the identifier still in clear, in memory only). */
export type AuditEvent = {
  time?: Date;
  action: AuditAction;
  agent: { name: string; email?: string; source: AgentSource | (string & {}); role?: Role };
  collection?: string;
  /** `type:value`; encrypted before it is stored. */
  identifier?: string;
  /** `ok`, or what refused it (an error code, `refused`, `forbidden`). */
  outcome: string;
  requestId?: string;
  /** What was revealed (`trait:phone`), why a sign-in was refused: never a customer's value. */
  detail?: string;
};

/** An entry as stored, before the chain is computed: identifier sealed, lookup hash added. */
export type SealedEntry = {
  time: string;
  agent_name: string;
  agent_email: string | null;
  agent_source: string;
  agent_role: string;
  action: AuditAction;
  collection: string | null;
  identifier_enc: string | null;
  identifier_lookup: string | null;
  outcome: string;
  request_id: string | null;
  detail: string | null;
};

/** A stored, chained entry: its place in the chain, the previous entry's hash and its own. */
export type StoredEntry = SealedEntry & { seq: number; prev_hash: string; hash: string };

/** Where the chain starts once retention removed older entries: the last removed entry's seq and hash. */
export type Checkpoint = { seq: number; hash: string };
