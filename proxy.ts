import { type NextRequest, NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { buildSecurityHeaders } from "@/lib/security/headers";

/**
 * Next 16's proxy (formerly middleware): runs before every page and every other path, and sets the security headers
 * of DESIGN §6 from run-time configuration. The CSP also goes on the request so Next.js finds the nonce and puts it on
 * the scripts it renders (pages are rendered per request for this reason).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = buildSecurityHeaders(nonce, getConfig().EMBED_ALLOWED_ORIGINS);
  const csp = headers["Content-Security-Policy"] as string;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything except Next's immutable build assets (no HTML there, and they are served before the proxy anyway) and
  // the JSON routes the agent's browser calls all the time, matched as whole paths (`$`): they need no CSP nonce, and
  // running the proxy costs each of their requests time and CPU, so they set their own security headers
  // (lib/bff/with-agent.ts, /api/health; other methods answer 405 with them). Everything else under /api (next-auth,
  // unknown paths, Next's 404s) still passes through here. A literal: Next.js reads this config statically.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|api/health$|api/profiles/[^/]+/[^/]+(?:/(?:traits|external_ids|events|metadata|links))?$).*)",
  ],
};
