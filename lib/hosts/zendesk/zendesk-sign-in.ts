import "server-only";
import { getConfig } from "@/lib/config";
import { isAllowedZendeskOrigin, type ZendeskOriginPolicy } from "@/lib/embed/host-origin";
import { mintHandoffCode } from "@/lib/auth/handoff-code";
import { buildHostSessionCookie, hostSignInRefused, logHostSignIn, redirectWithSession } from "@/lib/auth/host-session";
import { verifyZendeskToken } from "./zendesk-token";

const APP_GUID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The sidebar's query: the `origin`/`app_guid` the ZAF client needs (kept only when they are well-formed and the origin
 * allowed for the verified token, lib/embed/host-origin.ts) and the one-time hand-off `code` (lib/auth/handoff-code.ts)
 * for browsers that keep no cookie for us. Null when ZENDESK_ALLOWED_SUBDOMAINS is set and an origin is given but not
 * allowed: the caller then refuses the sign-in (the sidebar would otherwise talk to, and believe, another page). No
 * origin at all keeps nothing (the page then says to open it from Zendesk), as before.
 */
function sidebarQuery(url: URL, policy: ZendeskOriginPolicy, code: string): string | null {
  const origin = url.searchParams.get("origin") ?? "";
  const appGuid = url.searchParams.get("app_guid") ?? "";
  const allowed = isAllowedZendeskOrigin(origin, policy);
  if (origin && !allowed && policy.allowedSubdomains?.length) return null;
  const query = new URLSearchParams();
  if (allowed && APP_GUID.test(appGuid)) {
    query.set("origin", origin);
    query.set("app_guid", appGuid);
  }
  query.set("code", code);
  return `?${query.toString()}`;
}

/**
 * Zendesk's signed-URL POST: verify the `token` form field, mint the session and a hand-off code, 303 to the sidebar
 * page keeping `origin` and `app_guid`. Not configured, not a form, any verification failure, or (with
 * ZENDESK_ALLOWED_SUBDOMAINS) an `origin` that is not an allowed account's and the token's: the same plain 401, no cookie.
 */
export async function signInFromZendesk(request: Request): Promise<Response> {
  const config = getConfig();
  if (!config.ZENDESK_APP_PUBLIC_KEY || !config.ZENDESK_APP_AUDIENCE) {
    logHostSignIn("zendesk", "refused", "Zendesk is not configured (ZENDESK_APP_PUBLIC_KEY, ZENDESK_APP_AUDIENCE)");
    return hostSignInRefused();
  }
  const form = await request.formData().catch(() => null);
  const token = form?.get("token");
  if (typeof token !== "string" || !token) {
    logHostSignIn("zendesk", "refused", "no token form field");
    return hostSignInRefused();
  }
  const result = await verifyZendeskToken(token, {
    // PEM keys often arrive in one-line environment values with literal \n.
    publicKeyPem: config.ZENDESK_APP_PUBLIC_KEY.replace(/\\n/g, "\n"),
    audience: config.ZENDESK_APP_AUDIENCE,
    allowedSubdomains: config.ZENDESK_ALLOWED_SUBDOMAINS,
  });
  if (!result.ok) {
    logHostSignIn("zendesk", "refused", result.reason);
    return hostSignInRefused();
  }
  const policy: ZendeskOriginPolicy = {
    extraOrigins: config.EMBED_ALLOWED_ORIGINS,
    allowedSubdomains: config.ZENDESK_ALLOWED_SUBDOMAINS,
    issuerSubdomain: result.subdomain,
  };
  const code = await mintHandoffCode(result.agent, "zendesk", config.AUTH_SECRET);
  const query = sidebarQuery(new URL(request.url), policy, code);
  if (!query) {
    logHostSignIn("zendesk", "refused", "origin is not an allowed Zendesk account or not the token's");
    return hostSignInRefused();
  }
  logHostSignIn("zendesk", "ok");
  return redirectWithSession(`/embed/zendesk/sidebar${query}`, await buildHostSessionCookie(result.agent));
}
