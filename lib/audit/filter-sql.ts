import type { AuditFilter } from "./store";

/**
 * The auditor's filters as SQL conditions with `?` for each value (both stores use the same columns; Postgres numbers
 * the placeholders). Every value is a bound parameter, never spliced into the text.
 */
export function filterConditions(filter: AuditFilter): { conditions: string[]; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const add = (condition: string, value: unknown) => (conditions.push(condition), values.push(value));
  if (filter.agent) add("agent_name = ?", filter.agent);
  if (filter.identifierLookup) add("identifier_lookup = ?", filter.identifierLookup);
  if (filter.action) add("action = ?", filter.action);
  if (filter.since) add("time >= ?", filter.since);
  if (filter.until) add("time < ?", filter.until);
  if (filter.beforeSeq !== undefined) add("seq < ?", filter.beforeSeq);
  return { conditions, values };
}

/** Every stored column, in the order both stores create and insert them. */
export const STORED_COLUMNS = [
  "seq",
  "time",
  "agent_name",
  "agent_email",
  "agent_source",
  "agent_role",
  "action",
  "collection",
  "identifier_enc",
  "identifier_lookup",
  "outcome",
  "request_id",
  "detail",
  "prev_hash",
  "hash",
] as const;
