/**
 * Which page origins may host the Zendesk sidebar and receive its postMessages. Pure and browser-safe; the server checks
 * the query's `origin` with it before handing it to the page, so postMessage always names an exact, allowed origin
 * (never `*`).
 *
 * - An origin in EMBED_ALLOWED_ORIGINS: the operator listed it explicitly (a proxy, a test host), so it is accepted.
 * - Otherwise only `https://<sub>.zendesk.com`, and, when ZENDESK_ALLOWED_SUBDOMAINS is set, only for a `<sub>` on it.
 * - When the verified token's `iss` names the account (`acme.zendesk.com`), a Zendesk origin must be that account's.
 */
export type ZendeskOriginPolicy = {
  extraOrigins: readonly string[];
  /** ZENDESK_ALLOWED_SUBDOMAINS; empty = any Zendesk account. */
  allowedSubdomains?: readonly string[];
  /** The account the verified token names in `iss`, when it names one. */
  issuerSubdomain?: string | null;
};

/** The `<sub>` of `https://<sub>.zendesk.com`, or null for any other origin. */
export function zendeskSubdomainOfOrigin(origin: string): string | null {
  return /^https:\/\/([a-z0-9][a-z0-9-]{0,62})\.zendesk\.com$/.exec(origin)?.[1] ?? null;
}

export function isAllowedZendeskOrigin(origin: string, policy: ZendeskOriginPolicy): boolean {
  if (policy.extraOrigins.includes(origin)) return true;
  const subdomain = zendeskSubdomainOfOrigin(origin);
  if (!subdomain) return false;
  const allowed = (policy.allowedSubdomains ?? []).map((s) => s.toLowerCase());
  if (allowed.length && !allowed.includes(subdomain)) return false;
  if (policy.issuerSubdomain && policy.issuerSubdomain !== subdomain) return false;
  return true;
}
