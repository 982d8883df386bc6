import "server-only";
import { hkdfSync } from "node:crypto";

const keys = new Map<string, Uint8Array>();

/**
 * A 256-bit key for one purpose, derived from AUTH_SECRET with HKDF under that purpose's own label, so a token made for
 * one purpose (embed token, hand-off code, record context) can never be accepted as another. Derived once per label
 * and secret: the embed token is verified on every bearer request.
 */
export function derivedKey(secret: string, label: string): Uint8Array {
  const cacheKey = `${label}\u0000${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "profile-sidebar", label, 32));
    keys.set(cacheKey, key);
  }
  return key;
}
