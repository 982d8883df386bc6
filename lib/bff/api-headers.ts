import "server-only";
import { getConfig } from "@/lib/config";
import { buildApiSecurityHeaders } from "@/lib/security/headers";

let cached: Readonly<Record<string, string>> | undefined;

/**
 * The security headers of every JSON answer that skips proxy.ts (the profile routes, /api/health). They depend only on
 * configuration, which does not change while the server runs, so they are built once (lib/security/headers.ts holds the
 * values).
 */
export function getApiSecurityHeaders(): Readonly<Record<string, string>> {
  cached ??= Object.freeze(buildApiSecurityHeaders(getConfig().EMBED_ALLOWED_ORIGINS));
  return cached;
}
