import "server-only";
import { getConfig } from "@/lib/config";

/** The origin the browser sees us at: APP_URL when configured, else the request's own (Next fills X-Forwarded-*). */
export function getOwnOrigin(request: Request): string {
  const configured = getConfig().APP_URL;
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${proto.split(",")[0]?.trim() ?? "http"}://${host.split(",")[0]?.trim() ?? url.host}`;
}

/**
 * Session cookies are `SameSite=None` (they must work inside Zendesk/Salesforce iframes), which removes the browser's
 * own cross-site protection. So the BFF refuses any request another site initiated: a `Sec-Fetch-Site` other than
 * same-origin/none, or an `Origin` that is not ours. Tools without these headers (curl, tests) pass; browsers always send
 * `Sec-Fetch-Site`. There is never a CORS answer.
 */
export function isCrossSiteRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  return origin !== null && origin !== getOwnOrigin(request);
}
