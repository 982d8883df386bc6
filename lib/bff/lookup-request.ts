import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/core/error-body";
import { COLLECTIONS, formatIdentifier, parseIdentifier } from "@/lib/core/identifiers";
import { formLookupCandidates, type CandidatesResult } from "@/lib/views/lookup-candidates";
import { collectionForType, LOOKUP_TYPES, type LookupType } from "@/lib/views/lookup-input";

const MAX_BODY_CHARS = 4_096;
const MAX_FIELD = 1_100;

/**
 * The body of POST /api/lookup (DESIGN §10: the identifier travels in a body, never in a URL):
 * - `{"id":"type:value","collection"?:"users"|"accounts"}`: exactly this identifier (the host sidebars);
 * - `{"value":"…","type"?:"email"}`: the forgiving lookup of the lookup form (the type is read from the value when
 *   absent; a type outside the form's list is taken as a custom type).
 */
const lookupBody = z.union([
  z.strictObject({ id: z.string().min(1).max(MAX_FIELD), collection: z.enum(COLLECTIONS).optional() }),
  z.strictObject({ value: z.string().min(1).max(MAX_FIELD), type: z.string().min(1).max(100).optional() }),
]);
export type LookupBody = z.infer<typeof lookupBody>;

const BODY_HELP =
  'The body must be JSON: {"value":"ada@example.com","type"?:"email"} or {"id":"email:ada@example.com"}.';

export async function readLookupBody(request: Request): Promise<LookupBody> {
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) throw new AppError("invalid_request_error", "The request body is too large.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("invalid_request_error", BODY_HELP);
  }
  const parsed = lookupBody.safeParse(json);
  if (!parsed.success) throw new AppError("invalid_request_error", BODY_HELP);
  return parsed.data;
}

function isFormType(type: string): type is Exclude<LookupType, "custom"> {
  return type !== "custom" && (LOOKUP_TYPES as readonly string[]).includes(type);
}

/** The identifiers to try, in order (at most MAX_PROBES). */
export function lookupCandidatesOf(body: LookupBody, phoneCountry: string): CandidatesResult {
  if ("id" in body) {
    const parsed = parseIdentifier(body.id.trim());
    if (!parsed.ok) return { ok: false, message: parsed.message };
    const collection = body.collection ?? collectionForType(parsed.identifier.type);
    return {
      ok: true,
      candidates: [{ collection, identifier: parsed.identifier, text: formatIdentifier(parsed.identifier) }],
    };
  }
  if (body.type === undefined) return formLookupCandidates("user_id", "", body.value, false, phoneCountry);
  if (isFormType(body.type)) return formLookupCandidates(body.type, "", body.value, true, phoneCountry);
  return formLookupCandidates("custom", body.type, body.value, true, phoneCountry);
}
