import "server-only";
import type { MaskedValue } from "@/lib/core/api-types";

/**
 * What to mask: trait keys (lower-case, matched case-insensitively) and external id types; `revealable` marks the
 * placeholders for a caller who may reveal them (the clear value is never sent to anyone by masking).
 */
export type MaskPolicy = { traits: ReadonlySet<string>; idTypes: ReadonlySet<string>; revealable?: boolean };

export function buildMaskPolicy(traits: readonly string[], idTypes: readonly string[]): MaskPolicy {
  return { traits: new Set(traits.map((t) => t.toLowerCase())), idTypes: new Set(idTypes) };
}

const MAX_DEPTH = 32;

/**
 * The placeholder of a masked value. The hint is at most the last 4 characters and never more than a third of the
 * value, so a short value (a 4-digit birthday year, a house number) is not given away whole; objects get no hint.
 */
export function maskValue(value: unknown, revealable = false): MaskedValue {
  const text = typeof value === "string" || typeof value === "number" ? String(value) : "";
  const shown = Math.min(4, Math.floor(text.length / 3));
  return {
    masked: true,
    hint: shown > 0 ? `…${text.slice(-shown)}` : "…",
    ...(revealable ? { revealable: true as const } : {}),
  };
}

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** A verbose trait (`{value, source_id, updated_at}`) keeps where it came from; only the value is masked. */
function maskTraitValue(value: unknown, revealable: boolean): unknown {
  if (isObject(value) && "value" in value && ("source_id" in value || "updated_at" in value)) {
    return { ...value, value: maskValue(value.value, revealable) };
  }
  return maskValue(value, revealable);
}

/**
 * Copy on write: an object with nothing to mask is returned as it came, and only the path down to a masked value is
 * copied. Most of an answer (event properties, cursors, most traits) has nothing to mask, and copying all of it was
 * a large part of a BFF miss's CPU and garbage. The input (the server cache's copy) is never modified.
 */
function maskObject(object: JsonObject, policy: MaskPolicy, depth: number): JsonObject {
  let out: JsonObject | undefined;
  const revealable = policy.revealable === true;
  // An external id (`{type, id}`: the ids list, an event's external_ids, a link's ids) of a masked type.
  const maskedId = typeof object.type === "string" && policy.idTypes.has(object.type) && typeof object.id === "string";
  for (const key of Object.keys(object)) {
    const value = object[key];
    let next: unknown;
    if (maskedId && key === "id") next = maskValue(value, revealable);
    else if (policy.traits.has(key.toLowerCase())) next = maskTraitValue(value, revealable);
    else next = maskJson(value, policy, depth + 1);
    if (next === value) continue;
    out ??= { ...object };
    out[key] = next;
  }
  return out ?? object;
}

function maskArray(array: readonly unknown[], policy: MaskPolicy, depth: number): readonly unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < array.length; i++) {
    const next = maskJson(array[i], policy, depth + 1);
    if (next === array[i]) continue;
    out ??= array.slice();
    out[i] = next;
  }
  return out ?? array;
}

/**
 * Any BFF body with every masked value replaced (DESIGN §10): a copy where something was masked, the body itself where
 * nothing was. It walks the whole body rather than known
 * shapes, so a trait key is masked wherever it appears: traits (plain and verbose), the summary, an event's
 * `properties`, `traits` and `context.traits`, nested objects. Deeper than MAX_DEPTH (no Profile API answer is) is cut
 * off as masked rather than sent unchecked.
 */
export function maskJson(body: unknown, policy: MaskPolicy, depth = 0): unknown {
  if (policy.traits.size === 0 && policy.idTypes.size === 0) return body;
  if (depth > MAX_DEPTH) return maskValue(undefined);
  if (Array.isArray(body)) return maskArray(body, policy, depth);
  if (isObject(body)) return maskObject(body, policy, depth);
  return body;
}
