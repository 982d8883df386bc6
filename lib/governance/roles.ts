/**
 * Roles (DESIGN §10): `agent` sees masked values; `supervisor` may also reveal them; `auditor` may also read the audit
 * log. Each role includes the ones before it. Browser-safe (no server imports): the UI asks the same questions.
 */
export const ROLES = ["agent", "supervisor", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return ROLES.some((role) => role === value);
}

const rank = (role: Role) => ROLES.indexOf(role);

/** The stronger of two roles. */
export function strongerRole(a: Role, b: Role): Role {
  return rank(a) >= rank(b) ? a : b;
}

/** Supervisors and auditors may reveal a masked value (each reveal is audited). */
export function canReveal(role: Role | undefined): boolean {
  return rank(role ?? "agent") >= rank("supervisor");
}

/** Only auditors read the audit log. */
export function canReadAudit(role: Role | undefined): boolean {
  return role === "auditor";
}

/** `key:role` pairs of ROLE_MAP / DEMO_ROLES, as a map (keys compared as given: group names and Salesforce ids are case-sensitive). */
export type RoleMap = ReadonlyMap<string, Role>;

/**
 * The role an identity gets from the keys it carries (OIDC groups, a Salesforce profile id, a demo name): the strongest
 * mapped role, else `fallback`. An unknown key grants nothing.
 */
export function resolveRole(keys: readonly string[], map: RoleMap, fallback: Role): Role {
  let role: Role | undefined;
  for (const key of keys) {
    const mapped = map.get(key);
    if (mapped) role = role ? strongerRole(role, mapped) : mapped;
  }
  return role ?? fallback;
}

/** A claim value as a list of keys: IdPs send groups as an array, a single string, or a space/comma-separated string. */
export function claimKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string" && v !== "");
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return [];
}
