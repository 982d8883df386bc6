import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { derivedKey } from "@/lib/auth/derived-key";

const SEAL_LABEL = "audit-identifier-seal-v1";
const LOOKUP_LABEL = "audit-identifier-lookup-v1";

/**
 * Customer identifiers are encrypted at rest (AES-256-GCM, a fresh 96-bit IV each, key derived from AUTH_SECRET under
 * its own label): a copy of the database file or a Postgres dump does not say who was looked at. Stored as
 * base64url(iv | ciphertext | tag).
 */
export function sealIdentifier(identifier: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey(secret, SEAL_LABEL), iv);
  const body = Buffer.concat([cipher.update(identifier, "utf8"), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

/** The identifier back, or null when the value was not sealed with this secret (another deployment, altered). */
export function openIdentifier(sealed: string, secret: string): string | null {
  try {
    const raw = Buffer.from(sealed, "base64url");
    if (raw.length < 29) return null;
    const decipher = createDecipheriv("aes-256-gcm", derivedKey(secret, SEAL_LABEL), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** A keyed hash (HMAC-SHA256) of the identifier: the auditor's "customer" filter matches on it, never on clear text. */
export function identifierLookup(identifier: string, secret: string): string {
  return createHmac("sha256", derivedKey(secret, LOOKUP_LABEL)).update(identifier, "utf8").digest("hex");
}
