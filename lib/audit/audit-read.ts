import "server-only";
import { stringify } from "csv-stringify/sync";
import type { AuditEntryView, AuditPage } from "@/lib/core/audit-view";
import { encodeAuditCursor, type AuditReadFilter } from "./audit-filter";
import { identifierLookup, openIdentifier } from "./identifier-seal";
import type { AuditFilter, AuditStore } from "./store";
import type { StoredEntry } from "./types";

/** An export stops here: a bounded answer (rows × ~300 bytes), narrowed with filters or continued with `next`. */
export const MAX_EXPORT_ROWS = 10_000;
const EXPORT_BATCH = 1_000;
const UNREADABLE = "[unreadable]";

/** The store's filter: the customer as its keyed hash, so the store never needs (or sees) the clear identifier. */
function storeFilter(filter: AuditReadFilter, secret: string, limit: number): AuditFilter {
  const { profile, ...rest } = filter;
  return { ...rest, ...(profile ? { identifierLookup: identifierLookup(profile, secret) } : {}), limit };
}

export function toEntryView(entry: StoredEntry, secret: string): AuditEntryView {
  const identifier = entry.identifier_enc ? (openIdentifier(entry.identifier_enc, secret) ?? UNREADABLE) : null;
  return {
    seq: entry.seq,
    time: entry.time,
    agent: { name: entry.agent_name, email: entry.agent_email, source: entry.agent_source, role: entry.agent_role },
    action: entry.action,
    collection: entry.collection,
    identifier,
    outcome: entry.outcome,
    request_id: entry.request_id,
    detail: entry.detail,
  };
}

/** One page, newest first; `next` (the cursor of the following page) only when there is one. */
export async function readAuditPage(store: AuditStore, filter: AuditReadFilter, secret: string): Promise<AuditPage> {
  // One row more than asked tells whether another page exists without a second query.
  const rows = await store.query(storeFilter(filter, secret, filter.limit + 1));
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => toEntryView(row, secret)),
    next: rows.length > filter.limit && last ? encodeAuditCursor(last.seq) : null,
  };
}

const CSV_COLUMNS = [
  "seq",
  "time",
  "agent_name",
  "agent_email",
  "agent_source",
  "agent_role",
  "action",
  "collection",
  "identifier",
  "outcome",
  "request_id",
  "detail",
] as const;

function csvRow(view: AuditEntryView): Array<string | number | null> {
  const { agent } = view;
  return [
    view.seq,
    view.time,
    agent.name,
    agent.email,
    agent.source,
    agent.role,
    view.action,
    view.collection,
    view.identifier,
    view.outcome,
    view.request_id,
    view.detail,
  ];
}

export type AuditExport = { csv: string; rows: number; next: string | null };

/**
 * The filtered trail as CSV, newest first, at most MAX_EXPORT_ROWS rows (`next` continues it). RFC 4180 quoting and
 * formula-injection escaping (a cell starting with = + - @ tab or CR gets a leading ') by csv-stringify: agent names
 * and trait keys come from outside and a spreadsheet must not run them.
 */
export async function exportAuditCsv(store: AuditStore, filter: AuditReadFilter, secret: string): Promise<AuditExport> {
  const records: Array<Array<string | number | null>> = [];
  let beforeSeq = filter.beforeSeq;
  for (let round = 0; round < MAX_EXPORT_ROWS / EXPORT_BATCH; round += 1) {
    const want = Math.min(EXPORT_BATCH, MAX_EXPORT_ROWS - records.length);
    const rows = await store.query(storeFilter({ ...filter, beforeSeq }, secret, want));
    for (const row of rows) records.push(csvRow(toEntryView(row, secret)));
    beforeSeq = rows.at(-1)?.seq;
    if (rows.length < want || beforeSeq === undefined) return { csv: toCsv(records), rows: records.length, next: null };
  }
  // The cap was reached: one look-ahead says whether anything is left for a next export.
  const more = await store.query(storeFilter({ ...filter, beforeSeq }, secret, 1));
  const next = more.length && beforeSeq !== undefined ? encodeAuditCursor(beforeSeq) : null;
  return { csv: toCsv(records), rows: records.length, next };
}

function toCsv(records: Array<Array<string | number | null>>): string {
  return stringify(records, {
    header: true,
    columns: [...CSV_COLUMNS],
    escape_formulas: true,
    record_delimiter: "windows",
    cast: { number: (n) => String(n) },
  });
}
