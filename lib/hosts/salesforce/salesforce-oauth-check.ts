import "server-only";
import { createHash } from "node:crypto";

/**
 * The replay bound of Salesforce launches (SALESFORCE_VERIFY_OAUTH_TOKEN). A Canvas signed request carries no expiry
 * we can trust (`issuedAt` is null in Salesforce's own example), but it carries the user's OAuth token, which lives
 * for hours and dies at logout or revocation. Asking the org's userinfo endpoint whether that token is still alive
 * bounds a captured request's usefulness to the token's life. The org is called only at instance hosts on the
 * allowlist (SALESFORCE_INSTANCE_HOSTS), so a forged-but-signed envelope cannot make us call arbitrary hosts with it.
 */

export type OAuthTokenVerdict = { ok: true } | { ok: false; reason: string };

export type OAuthCheckSettings = {
  /** `*.my.salesforce.com` (https, default port, any subdomain) or an exact `host[:port]`. */
  instanceHosts: readonly string[];
  timeoutMs?: number;
  cacheTtlMs?: number;
  cacheMaxEntries?: number;
  now?: () => number;
};

const LOOPBACK_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The instance origin when `instanceUrl` is on the allowlist, else null. Wildcard entries admit https on the default
 * port only. An exact entry admits https, and plain http only for a loopback host listed explicitly (a test's fake
 * org), so a production token never travels in clear.
 */
export function allowedInstanceOrigin(
  instanceUrl: string | undefined,
  instanceHosts: readonly string[],
): string | null {
  if (!instanceUrl) return null;
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    return null;
  }
  if (url.username || url.password || (url.protocol !== "https:" && url.protocol !== "http:")) return null;
  const hostname = url.hostname.toLowerCase();
  for (const entry of instanceHosts.map((h) => h.toLowerCase())) {
    if (entry.startsWith("*.")) {
      const suffix = entry.slice(1);
      if (url.protocol === "https:" && !url.port && hostname.endsWith(suffix) && hostname.length > suffix.length) {
        return url.origin;
      }
    } else if (entry === url.host.toLowerCase()) {
      if (url.protocol === "https:" || LOOPBACK_HOSTNAMES.has(hostname)) return url.origin;
    }
  }
  return null;
}

/** Positive answers only, for a few minutes, at most `max` of them (oldest dropped first). */
class AliveCache {
  private readonly entries = new Map<string, number>();
  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly now: () => number,
  ) {}
  has(key: string): boolean {
    const expires = this.entries.get(key);
    if (expires === undefined) return false;
    if (expires > this.now()) return true;
    this.entries.delete(key);
    return false;
  }
  add(key: string): void {
    this.entries.delete(key);
    this.entries.set(key, this.now() + this.ttlMs);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** One GET of `<origin>/services/oauth2/userinfo` with the token; redirects are not followed (the token stays put). */
async function askUserinfo(origin: string, token: string, timeoutMs: number): Promise<OAuthTokenVerdict> {
  try {
    const response = await fetch(`${origin}/services/oauth2/userinfo`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.status === 200) return { ok: true };
    if (response.status === 401 || response.status === 403) return { ok: false, reason: "OAuth token is not alive" };
    return { ok: false, reason: `the org's userinfo answered ${response.status}` };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return { ok: false, reason: timedOut ? "the org's userinfo timed out" : "the org's userinfo was unreachable" };
  }
}

export function createOAuthTokenChecker(settings: OAuthCheckSettings) {
  const now = settings.now ?? Date.now;
  const cache = new AliveCache(settings.cacheTtlMs ?? 5 * 60_000, settings.cacheMaxEntries ?? 10_000, now);
  return {
    /** Whether `token` is alive at `instanceUrl`; refuses (never throws) on anything but a clear yes. */
    async check(instanceUrl: string | undefined, token: string | undefined): Promise<OAuthTokenVerdict> {
      if (!token) return { ok: false, reason: "no client.oauthToken to verify" };
      const origin = allowedInstanceOrigin(instanceUrl, settings.instanceHosts);
      if (!origin) return { ok: false, reason: "client.instanceUrl is not an allowed Salesforce instance" };
      // Keyed by a hash: the cache never holds a usable token.
      const key = createHash("sha256").update(`${origin}\n${token}`).digest("base64url");
      if (cache.has(key)) return { ok: true };
      const verdict = await askUserinfo(origin, token, settings.timeoutMs ?? 3_000);
      if (verdict.ok) cache.add(key);
      return verdict;
    },
  };
}

export type OAuthTokenChecker = ReturnType<typeof createOAuthTokenChecker>;
