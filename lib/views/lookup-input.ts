import {
  formatIdentifier,
  isCollection,
  parseIdentifier,
  type Collection,
  type ProfileIdentifier,
} from "@/lib/core/identifiers";

/** The identifier types offered in the lookup form; "custom" lets the agent type any other type. */
export const LOOKUP_TYPES = ["user_id", "email", "phone", "anonymous_id", "group_id", "custom"] as const;
export type LookupType = (typeof LOOKUP_TYPES)[number];

export const LOOKUP_TYPE_LABELS: Record<LookupType, string> = {
  user_id: "User ID",
  email: "Email",
  phone: "Phone",
  anonymous_id: "Anonymous ID",
  group_id: "Group ID (account)",
  custom: "Other type…",
};

export type LookupTarget = { collection: Collection; identifier: ProfileIdentifier; text: string };
export type LookupResult = { ok: true; target: LookupTarget } | { ok: false; message: string };

// Types agents use, or that look like a device type (ios.idfa): a pasted `type:value` with one of these always wins.
const KNOWN_PASTED_TYPE = /^(user_id|email|phone|anonymous_id|group_id|cross_domain_id|[a-z][a-z0-9_]*\.[a-z0-9_.]+):/;
// Any other word that fits the identifier-type grammar (lib/core/identifiers.ts), e.g. `sfdc_id:123`.
const CUSTOM_PASTED_TYPE = /^[a-z][a-z0-9_.]*:./;

/** Whether a pasted `word:rest` plausibly is a value of the type the agent picked (ids are opaque; emails have an @). */
function belongsToType(type: LookupType, value: string): boolean {
  if (type === "email") return value.includes("@");
  if (type === "phone") return false; // phone numbers have no colon
  return true;
}

/**
 * The rule for a pasted `type:value`, stated in the form's hint (LOOKUP_PASTE_HINT):
 * - a well-known type (user_id, email, phone, anonymous_id, group_id, cross_domain_id, or a dotted device type) is
 *   always taken as type:value;
 * - any other `word:rest` whose word fits the type grammar (sfdc_id:123) is taken as type:value too, unless the agent
 *   explicitly chose a type in the select (or typed a custom type) and the value plausibly belongs to it: then the
 *   whole paste is the value (user_id `tenant:42`).
 */
function isPastedIdentifier(type: LookupType, customType: string, value: string, explicitType: boolean): boolean {
  if (KNOWN_PASTED_TYPE.test(value)) return true;
  if (!CUSTOM_PASTED_TYPE.test(value)) return false;
  if (type === "custom") return customType.trim() === "";
  return !(explicitType && belongsToType(type, value));
}

export const LOOKUP_PASTE_HINT =
  "A whole type:value (sfdc_id:123) is looked up as is; to look up a value that contains a colon, pick its type first.";

/** Accounts are looked up by group_id; every other identifier names a user. */
export function collectionForType(type: string): Collection {
  return type === "group_id" ? "accounts" : "users";
}

/**
 * Turns the form's fields into the profile to open. A whole `type:value` pasted into the value wins over the select
 * (see isPastedIdentifier for when a colon is part of the value instead); `explicitType` says the agent chose the type
 * in the select rather than leaving the default.
 * Surrounding whitespace is dropped (a copy from an email often carries it); the value is otherwise kept exactly,
 * since the Profile API is case-sensitive.
 */
export function parseLookupInput(
  type: LookupType,
  customType: string,
  rawValue: string,
  explicitType = false,
): LookupResult {
  const value = rawValue.trim();
  if (value === "") return { ok: false, message: "Enter an identifier value." };
  let text: string;
  if (isPastedIdentifier(type, customType, value, explicitType)) text = value;
  else if (type === "custom") {
    const custom = customType.trim();
    if (custom === "") return { ok: false, message: "Enter the identifier type, or paste a whole type:value." };
    text = `${custom}:${value}`;
  } else text = `${type}:${value}`;
  const parsed = parseIdentifier(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  return {
    ok: true,
    target: {
      collection: collectionForType(parsed.identifier.type),
      identifier: parsed.identifier,
      text: formatIdentifier(parsed.identifier),
    },
  };
}

/** A profile the sidebar shows: its collection and its formatted `type:value`. */
export type SidebarTarget = { collection: Collection; id: string };

/** The identifier the host page (Zendesk, Salesforce) picked: a group_id names an account, anything else a user. */
export function targetForIdentifier(identifier: ProfileIdentifier): SidebarTarget {
  return { collection: collectionForType(identifier.type), id: formatIdentifier(identifier) };
}

/** The sidebar's lookup field: a whole `type:value` (trimmed), opened in the collection its type names. */
export function sidebarTarget(text: string): ({ ok: true } & SidebarTarget) | { ok: false; message: string } {
  const value = text.trim();
  if (value === "")
    return { ok: false, message: "Enter an identifier as type:value, for example email:ada@example.com." };
  const parsed = parseIdentifier(value);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  return { ok: true, ...targetForIdentifier(parsed.identifier) };
}

export type EmbedTarget = { ok: true; collection: Collection; id: string } | { ok: false; message: string };

/**
 * The profile the sidebar shows, from its query: `?id=type:value`, or `?user_id=` / `?email=` / `?phone=` /
 * `?group_id=`, and `collection=accounts|users` (defaulting from the identifier type).
 */
export function resolveEmbedParams(params: Record<string, string | string[] | undefined>): EmbedTarget {
  const one = (name: string) => {
    const v = params[name];
    return Array.isArray(v) ? v[0] : v;
  };
  let text = one("id");
  if (!text) {
    const type = ["user_id", "email", "phone", "anonymous_id", "group_id"].find((t) => one(t));
    if (type) text = `${type}:${one(type)}`;
  }
  if (!text) return { ok: false, message: "No identifier given: open the sidebar with ?id=type:value or ?email=…" };
  const parsed = parseIdentifier(text.trim());
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const requested = one("collection");
  if (requested !== undefined && !isCollection(requested)) {
    return { ok: false, message: "collection must be users or accounts." };
  }
  const collection = requested ?? collectionForType(parsed.identifier.type);
  return { ok: true, collection, id: formatIdentifier(parsed.identifier) };
}
