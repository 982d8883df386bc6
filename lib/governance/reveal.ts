import "server-only";
import { z } from "zod";
import { roleOf } from "@/lib/auth/agent";
import { AppError } from "@/lib/core/error-body";
import type { ProfileApi } from "@/lib/profile-api/client";
import type { Collection, ProfileIdentifier } from "@/lib/core/identifiers";
import type { MaskPolicy } from "./masking";
import { canReveal } from "./roles";
import type { Agent } from "@/lib/auth/agent";

const MAX_BODY_BYTES = 4096;

const revealRequest = z.union([
  z.strictObject({ trait: z.string().trim().min(1).max(256) }),
  z.strictObject({
    external_id_type: z
      .string()
      .regex(/^[a-z][a-z0-9_.]*$/)
      .max(256),
  }),
]);
export type RevealRequest = z.infer<typeof revealRequest>;

/** The JSON body of POST …/reveal: `{"trait":"<key>"}` or `{"external_id_type":"<type>"}`, nothing else. */
export async function readRevealRequest(request: Request): Promise<RevealRequest> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("invalid_request_error", "The request body is too large.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(
      "invalid_request_error",
      'The body must be JSON: {"trait":"<key>"} or {"external_id_type":"<type>"}.',
    );
  }
  const parsed = revealRequest.safeParse(json);
  if (!parsed.success) {
    throw new AppError("invalid_request_error", 'The body must be {"trait":"<key>"} or {"external_id_type":"<type>"}.');
  }
  return parsed.data;
}

/** What the audit entry says was revealed: `trait:<key>` or `external_id_type:<type>` (a field's name, never its value). */
export function revealedField(ask: RevealRequest): string {
  return "trait" in ask ? `trait:${ask.trait}` : `external_id_type:${ask.external_id_type}`;
}

/** Refuses anyone who may not reveal (403 `forbidden`); the refusal is audited like the reveal. */
export function assertMayReveal(agent: Agent): void {
  if (!canReveal(roleOf(agent)))
    throw new AppError("forbidden", "Only supervisors and auditors may reveal masked values.");
}

export type RevealTarget = { collection: Collection; id: ProfileIdentifier; signal: AbortSignal };

/**
 * The clear value of one masked trait or external id type. Only what is masked can be asked for: reveal is not a
 * second, unmasked way to read a profile. An external id type may have several ids: `value` is the first (oldest in the
 * API's order), `values` all of them.
 */
export async function revealValue(api: ProfileApi, policy: MaskPolicy, target: RevealTarget, ask: RevealRequest) {
  const options = { signal: target.signal };
  if ("trait" in ask) {
    if (!policy.traits.has(ask.trait.toLowerCase()))
      throw new AppError("invalid_request_error", "This trait is not masked.");
    const result = await api.traits(target.collection, target.id, { include: [ask.trait], limit: 1 }, options);
    const value = result.body.traits[ask.trait];
    if (value === undefined) throw new AppError("not_found", "The profile has no such trait.");
    return { body: { value }, requestId: result.requestId };
  }
  const type = ask.external_id_type;
  if (!policy.idTypes.has(type)) throw new AppError("invalid_request_error", "This identifier type is not masked.");
  const result = await api.externalIds(target.collection, target.id, { include: [type], limit: 100 }, options);
  const values = result.body.data.filter((e) => e.type === type).map((e) => e.id);
  if (values.length === 0) throw new AppError("not_found", "The profile has no identifier of this type.");
  return { body: { value: values[0], values }, requestId: result.requestId };
}
