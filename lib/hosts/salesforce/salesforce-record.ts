import "server-only";
import type { ProfileIdentifier } from "@/lib/core/identifiers";
import { parseIdentifier } from "@/lib/core/identifiers";

/** One rule of SALESFORCE_RECORD_FIELD_MAPPING: `<Object>.<Field>=<identifier type>`, e.g. `Contact.Email=email`. */
export type FieldRule = { objectType: string; field: string; identifierType: string };

const RULE = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)=([a-z][a-z0-9_.]*)$/;

export const DEFAULT_RECORD_FIELD_MAPPING = "Contact.Email=email,Lead.Email=email";

/** Parses the mapping; returns the first malformed entry as an error so config validation can name it. */
export function parseFieldMapping(value: string): { ok: true; rules: FieldRule[] } | { ok: false; entry: string } {
  const rules: FieldRule[] = [];
  for (const entry of value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = RULE.exec(entry);
    if (!match) return { ok: false, entry };
    rules.push({ objectType: match[1] as string, field: match[2] as string, identifierType: match[3] as string });
  }
  return { ok: true, rules };
}

type CanvasRecord = { attributes: { type: string } } & Record<string, unknown>;

/**
 * The customer a Canvas record points at: the first rule (in configured order) whose object type is the record's and
 * whose field holds a non-empty string that is a valid identifier value. Null when none does.
 */
export function pickRecordIdentifier(
  record: CanvasRecord | undefined,
  rules: readonly FieldRule[],
): ProfileIdentifier | null {
  if (!record) return null;
  for (const rule of rules) {
    if (rule.objectType !== record.attributes.type) continue;
    const value = record[rule.field];
    if (typeof value !== "string" || !value.trim()) continue;
    const parsed = parseIdentifier(`${rule.identifierType}:${value.trim()}`);
    if (parsed.ok) return parsed.identifier;
  }
  return null;
}
