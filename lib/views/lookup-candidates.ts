import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";
import { formatIdentifier, parseIdentifier } from "@/lib/core/identifiers";
import { collectionForType, parseLookupInput, type LookupTarget, type LookupType } from "./lookup-input";

/**
 * The forgiving lookup: what an agent pastes is read for what it most likely is, normalised the way the Profile API
 * stores it, and followed by the likely alternatives to try when the first finds nothing. Pure, so every rule is
 * unit-tested; the form probes the candidates in order.
 */

const EMAIL = /^[^\s@:]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE_LIKE = /^\+?[\d\s().\-/]{7,}$/;

function target(type: string, value: string): LookupTarget | null {
  const parsed = parseIdentifier(`${type}:${value}`);
  if (!parsed.ok) return null;
  return {
    collection: collectionForType(type),
    identifier: parsed.identifier,
    text: formatIdentifier(parsed.identifier),
  };
}

/** A phone number in E.164 (`+15550100001`), reading a number without `+` as one of `country`; null if not a number. */
export function toE164(value: string, country: string): string | null {
  if (!PHONE_LIKE.test(value)) return null;
  const phone = parsePhoneNumberFromString(value, country as CountryCode);
  return phone?.isPossible() ? phone.number : null;
}

/** Strips what a copy often carries: surrounding space and quotes, `mailto:` / `tel:`, angle brackets. */
export function cleanPaste(raw: string): string {
  return raw
    .trim()
    .replace(/^["'<]+|[>"']+$/g, "")
    .replace(/^(mailto|tel):/i, "")
    .trim();
}

function pushUnique(list: LookupTarget[], candidate: LookupTarget | null): void {
  if (candidate && !list.some((c) => c.text === candidate.text)) list.push(candidate);
}

/**
 * The identifiers to try for what the agent typed with the type they chose (`chosenType`; `null` when they left the
 * default), most likely first. An explicit `type:value` paste is handled by parseLookupInput before this.
 */
export function lookupCandidates(raw: string, chosenType: string | null, phoneCountry: string): LookupTarget[] {
  const value = cleanPaste(raw);
  const out: LookupTarget[] = [];
  if (value === "") return out;
  if (EMAIL.test(value)) {
    pushUnique(out, target("email", value.toLowerCase()));
    pushUnique(out, target("email", value));
    if (chosenType && chosenType !== "email") pushUnique(out, target(chosenType, value));
    return out;
  }
  const phone = toE164(value, phoneCountry);
  if (phone && (chosenType === null || chosenType === "phone")) pushUnique(out, target("phone", phone));
  if (chosenType) pushUnique(out, target(chosenType, value));
  if (UUID.test(value)) {
    pushUnique(out, target("anonymous_id", value));
    pushUnique(out, target("anonymous_id", value.toLowerCase()));
    pushUnique(out, target("user_id", value));
  }
  pushUnique(out, target("user_id", value));
  if (phone) pushUnique(out, target("phone", phone));
  pushUnique(out, target("anonymous_id", value));
  return out;
}

/** At most this many identifiers are tried per lookup (each is one small metadata call). */
export const MAX_PROBES = 4;

export type CandidatesResult = { ok: true; candidates: LookupTarget[] } | { ok: false; message: string };

/**
 * The identifiers to try for the lookup form's fields: the form's reading of the input (a pasted type:value wins),
 * then the likely alternatives, at most MAX_PROBES. The browser runs it to explain a bad input at once; the server runs
 * it again on what POST /api/lookup received (the identifier never goes into a URL).
 */
export function formLookupCandidates(
  type: LookupType,
  customType: string,
  value: string,
  explicitType: boolean,
  phoneCountry: string,
): CandidatesResult {
  const cleaned = cleanPaste(value);
  const parsed = parseLookupInput(type, customType, cleaned, explicitType);
  if (!parsed.ok) return parsed;
  if (type === "custom") return { ok: true, candidates: [parsed.target] };
  const pasted = parsed.target.text === cleaned;
  const chosen = pasted ? parsed.target.identifier.type : explicitType ? type : null;
  const candidates = lookupCandidates(parsed.target.identifier.value, chosen, phoneCountry);
  return { ok: true, candidates: (candidates.length ? candidates : [parsed.target]).slice(0, MAX_PROBES) };
}
