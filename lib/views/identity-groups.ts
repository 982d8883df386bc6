import { isMaskedValue, type ExternalId } from "@/lib/core/api-types";

/** The families identity cards are grouped into, in the order agents read them. */
export type IdentityKind =
  "user_id" | "email" | "phone" | "anonymous_id" | "device" | "cross_domain_id" | "group_id" | "other";

export const IDENTITY_KIND_LABELS: Record<IdentityKind, string> = {
  user_id: "User ID",
  email: "Email",
  phone: "Phone",
  anonymous_id: "Anonymous IDs",
  device: "Devices",
  cross_domain_id: "Cross-domain IDs",
  group_id: "Group IDs",
  other: "Other identifiers",
};

const ORDER: IdentityKind[] = [
  "user_id",
  "email",
  "phone",
  "anonymous_id",
  "device",
  "cross_domain_id",
  "group_id",
  "other",
];

// Segment's mobile libraries send device identifiers as ios.* / android.* types, plus a few generic names.
const DEVICE_TYPE = /^(ios|android)\.|^(device_id|idfa|idfv|gaid|advertising_id)$/;

export function identityKindOf(type: string): IdentityKind {
  if (type === "user_id" || type === "email" || type === "phone" || type === "anonymous_id") return type;
  if (type === "cross_domain_id" || type === "group_id") return type;
  if (DEVICE_TYPE.test(type)) return "device";
  return "other";
}

export type IdentityGroup = { kind: IdentityKind; label: string; ids: ExternalId[] };

/**
 * Groups external ids by kind (fixed order, empty groups dropped); inside a group the oldest first, since the
 * first-seen identifier is usually the one the customer still uses.
 */
export function groupExternalIds(ids: readonly ExternalId[]): IdentityGroup[] {
  const byKind = new Map<IdentityKind, ExternalId[]>();
  for (const id of ids) {
    const kind = identityKindOf(id.type);
    byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  }
  const time = (id: ExternalId) => (id.created_at ? Date.parse(id.created_at) : Number.MAX_SAFE_INTEGER);
  return ORDER.filter((kind) => byKind.has(kind)).map((kind) => ({
    kind,
    label: IDENTITY_KIND_LABELS[kind],
    ids: [...(byKind.get(kind) ?? [])].sort((a, b) => time(a) - time(b)),
  }));
}

/** Whether this external id is the identifier the profile was looked up by (`type:value`, case-sensitive like the API). */
export function isMatchedIdentifier(id: ExternalId, lookup: string): boolean {
  if (!isMaskedValue(id.id)) return `${id.type}:${id.id}` === lookup;
  // A masked identifier (MASKED_ID_TYPES): the agent typed the lookup value, so the type and the hint's last characters
  // are enough to mark it; nothing of the hidden value is revealed by that.
  const suffix = id.id.hint.replace(/^…/, "");
  return lookup.startsWith(`${id.type}:`) && suffix !== "" && lookup.endsWith(suffix);
}

/**
 * The identifier to open a linked profile by: user_id, then email, then group_id, then the first one. A stable
 * choice keeps the link (and its cache entry) the same between visits.
 */
export function pickProfileIdentifier(ids: readonly ExternalId[]): string | null {
  // A masked id cannot open anything: its value never reached the browser.
  const clear = ids.filter((id): id is ExternalId & { id: string } => !isMaskedValue(id.id));
  for (const type of ["user_id", "group_id", "email"]) {
    const found = clear.find((id) => id.type === type);
    if (found) return `${found.type}:${found.id}`;
  }
  const first = clear[0];
  return first ? `${first.type}:${first.id}` : null;
}

const MATCH_LABELS: Record<string, string> = {
  user_id: "user ID",
  email: "e-mail",
  phone: "phone",
  anonymous_id: "anonymous ID",
  group_id: "group ID",
};

/** The folded identities line: "matched by e-mail · 9 identifiers" (`id` is the looked-up `type:value`). */
export function identitiesFoldedLine(id: string, count: number | null): string {
  const type = id.slice(0, id.indexOf(":"));
  const matched = `matched by ${MATCH_LABELS[type] ?? type}`;
  return count === null ? matched : `${matched} · ${count} identifier${count === 1 ? "" : "s"}`;
}
