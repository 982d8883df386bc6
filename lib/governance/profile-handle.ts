import "server-only";
import { createCipheriv, createDecipheriv, createHmac } from "node:crypto";
import { derivedKey } from "@/lib/auth/derived-key";
import { getConfig } from "@/lib/config";
import {
  formatIdentifier,
  isCollection,
  parseIdentifier,
  type Collection,
  type ProfileIdentifier,
} from "@/lib/core/identifiers";
import { HANDLE_PREFIX, MAX_HANDLE_LENGTH } from "@/lib/core/profile-ref";

// HKDF labels (info) of the two keys: the cipher key, and the key of the synthetic IV. Neither is used for anything else.
const CIPHER_LABEL = "profile-handle";
const IV_LABEL = "profile-handle-iv";
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Bound to the version: a later format cannot be read as this one.
const AAD = Buffer.from(HANDLE_PREFIX, "utf8");

export type OpenedHandle = { collection: Collection; id: ProfileIdentifier };

function plaintextOf(collection: Collection, id: ProfileIdentifier): Buffer {
  // A collection never contains a newline, so the first one separates it from `type:value`.
  return Buffer.from(`${collection}\n${formatIdentifier(id)}`, "utf8");
}

/**
 * The opaque handle that stands for a profile in every URL the app makes (DESIGN §10): AES-256-GCM of
 * `{collection, type:value}` under a key derived from AUTH_SECRET, as `h1.` + base64url(iv | ciphertext | tag).
 *
 * Deterministic on purpose: the IV is the truncated HMAC of the plaintext under a key of its own (a synthetic IV), so
 * one customer has one URL (browser history, bookmarks, React Query keys stay stable) within a deployment. GCM's
 * rule "never reuse an IV with the same key for different plaintexts" holds: a different plaintext gives a different
 * IV except by a 96-bit HMAC collision. What this reveals is only that two handles name the same customer.
 */
export function profileHandle(collection: Collection, id: ProfileIdentifier, secret = getConfig().AUTH_SECRET): string {
  const plaintext = plaintextOf(collection, id);
  const iv = createHmac("sha256", derivedKey(secret, IV_LABEL)).update(plaintext).digest().subarray(0, IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", derivedKey(secret, CIPHER_LABEL), iv);
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${HANDLE_PREFIX}${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

function decrypt(raw: Buffer, secret: string): string | null {
  try {
    const decipher = createDecipheriv("aes-256-gcm", derivedKey(secret, CIPHER_LABEL), raw.subarray(0, IV_BYTES));
    decipher.setAAD(AAD);
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}

/**
 * The profile a handle stands for, or null when it is not one of this deployment's handles: altered, truncated, made
 * under another AUTH_SECRET, or not a handle at all. Never throws, so a bad handle is a clear 4xx, never a 500.
 */
export function openProfileHandle(handle: string, secret = getConfig().AUTH_SECRET): OpenedHandle | null {
  if (!handle.startsWith(HANDLE_PREFIX) || handle.length > MAX_HANDLE_LENGTH) return null;
  const encoded = handle.slice(HANDLE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  const raw = Buffer.from(encoded, "base64url");
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  const plaintext = decrypt(raw, secret);
  if (plaintext === null) return null;
  const newline = plaintext.indexOf("\n");
  const collection = plaintext.slice(0, newline);
  const parsed = parseIdentifier(plaintext.slice(newline + 1));
  if (newline < 0 || !isCollection(collection) || !parsed.ok) return null;
  return { collection, id: parsed.identifier };
}
