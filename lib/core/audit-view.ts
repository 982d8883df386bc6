/**
 * The audit trail as `GET /api/audit` answers it to an auditor (DESIGN §10). Browser-safe: the admin page reads it.
 */
export type AuditEntryView = {
  seq: number;
  time: string;
  agent: { name: string; email: string | null; source: string; role: string };
  action: string;
  collection: string | null;
  /** `type:value`; `[unreadable]` when it was sealed under another AUTH_SECRET; null when the entry has none. */
  identifier: string | null;
  outcome: string;
  request_id: string | null;
  /** What was revealed (`trait:phone`), the filters of an audit read, why a sign-in was refused. */
  detail: string | null;
};

/** One page, newest first; `next` is the cursor of the following (older) page, null on the last one. */
export type AuditPage = { data: AuditEntryView[]; next: string | null };
