/**
 * Which page origins may host the sidebar and receive its postMessages: a Zendesk account (`https://<sub>.zendesk.com`)
 * or an origin in EMBED_ALLOWED_ORIGINS. Pure and browser-safe; the server checks the query's `origin` with it before
 * handing it to the page, so postMessage always names an exact, allowed origin (never `*`).
 */
export function isAllowedZendeskOrigin(origin: string, extraOrigins: readonly string[]): boolean {
  if (extraOrigins.includes(origin)) return true;
  return /^https:\/\/[a-z0-9][a-z0-9-]{0,62}\.zendesk\.com$/.test(origin);
}
