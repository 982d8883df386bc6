/**
 * A browser that keeps no cookies at all for the app, not even Partitioned ones (Safari with "Block all cookies", some
 * enterprise policies). Playwright cannot set Chromium's cookie policy, so every request to the app's origin is routed
 * through here: it is sent from Node (no cookie jar) without its `Cookie` header, and answered to the browser without
 * any `Set-Cookie`, redirects included (not followed here: the browser follows them, through this route again).
 */
import type { BrowserContext } from "@playwright/test";

const DROP_REQUEST = new Set([
  "cookie",
  "host",
  "connection",
  "content-length",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "expect",
]);
// Node's fetch has already decoded the body, so its encoding and length no longer apply.
const DROP_RESPONSE = new Set([
  "set-cookie",
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
]);

export type CookielessLog = {
  /** Every app request, with whether the browser tried to send a cookie. */
  requests: Array<{ url: string; sentCookie: boolean }>;
  /** Responses the app answered with a Set-Cookie (which the browser never saw). */
  setCookies: string[];
  /** Location headers of the app's redirects. */
  redirects: string[];
};

export async function keepNoCookiesFor(context: BrowserContext, appUrl: string): Promise<CookielessLog> {
  const log: CookielessLog = { requests: [], setCookies: [], redirects: [] };
  await context.route(`${new URL(appUrl).origin}/**`, async (route) => {
    const request = route.request();
    const incoming = await request.allHeaders();
    log.requests.push({ url: request.url(), sentCookie: "cookie" in incoming });
    const headers = Object.fromEntries(
      Object.entries(incoming).filter(([k]) => !DROP_REQUEST.has(k) && !k.startsWith(":")),
    );
    const body = request.postDataBuffer();
    const response = await fetch(request.url(), {
      method: request.method(),
      headers,
      body: body && request.method() !== "GET" && request.method() !== "HEAD" ? new Uint8Array(body) : undefined,
      redirect: "manual",
    });
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length) log.setCookies.push(...setCookie);
    const location = response.headers.get("location");
    if (location) log.redirects.push(location);
    const out: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (!DROP_RESPONSE.has(key)) out[key] = value;
    });
    await route.fulfill({ status: response.status, headers: out, body: Buffer.from(await response.arrayBuffer()) });
  });
  return log;
}
