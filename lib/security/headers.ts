/**
 * The security headers of every response (DESIGN §6), computed at run time from configuration so one build serves every
 * deployment. Pure: proxy.ts passes in the per-request nonce and the configured extra framing origins.
 */

/** Hosts that embed the sidebar. `frame-ancestors` checks every ancestor, so Visualforce inside Lightning needs both. */
export const DEFAULT_FRAME_ANCESTORS = [
  "https://*.zendesk.com",
  "https://*.force.com",
  "https://*.salesforce.com",
  "https://*.visualforce.com",
  "https://*.salesforce-setup.com",
] as const;

/** Features the sidebar never uses; clipboard-write stays for the copy buttons. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "clipboard-write=(self)",
].join(", ");

/**
 * A strict CSP: scripts only with this response's nonce (Next.js adds it to its own scripts when it finds it in the
 * request's CSP header) and whatever they load (`strict-dynamic`); no plugins, no `<base>` hijack; framing only by
 * ourselves, the hosts and EMBED_ALLOWED_ORIGINS. Styles allow inline (React style props, Next's font/CSS injection).
 */
export function buildContentSecurityPolicy(nonce: string, extraFrameAncestors: readonly string[]): string {
  const ancestors = frameAncestors(extraFrameAncestors);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // Our forms post to ourselves only (sign-in goes through fetch, the IdP is reached by navigation).
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join("; ");
}

function frameAncestors(extraFrameAncestors: readonly string[]): string {
  return ["'self'", ...DEFAULT_FRAME_ANCESTORS, ...extraFrameAncestors].join(" ");
}

/**
 * The CSP of a JSON answer: it runs no script and loads nothing, so it allows nothing (no nonce needed, which is what
 * lets the /api routes skip the proxy); framing keeps the same allowlist as the pages.
 */
export function buildApiContentSecurityPolicy(extraFrameAncestors: readonly string[]): string {
  return ["default-src 'none'", "base-uri 'none'", `frame-ancestors ${frameAncestors(extraFrameAncestors)}`].join("; ");
}

const COMMON_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy": PERMISSIONS_POLICY,
  "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
} as const;

/** Headers set on every page response. Deliberately no X-Frame-Options: Safari lets it override frame-ancestors. */
export function buildSecurityHeaders(nonce: string, extraFrameAncestors: readonly string[]): Record<string, string> {
  return { "Content-Security-Policy": buildContentSecurityPolicy(nonce, extraFrameAncestors), ...COMMON_HEADERS };
}

/**
 * Headers of the JSON routes that do not pass through proxy.ts (see its matcher): set by the route wrapper and
 * /api/health. They depend on configuration only, so a caller computes them once, not per request.
 */
export function buildApiSecurityHeaders(extraFrameAncestors: readonly string[]): Record<string, string> {
  return { "Content-Security-Policy": buildApiContentSecurityPolicy(extraFrameAncestors), ...COMMON_HEADERS };
}

/** A year, the usual HSTS lifetime; only ever sent on responses served over https. */
const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The headers of responses made without proxy.ts or the route wrapper (Next's own redirects, 404s of excluded paths,
 * early refusals by the front door): the same, with a CSP that allows no script at all (no nonce exists for them), and
 * HSTS when served over https.
 */
export function buildFallbackSecurityHeaders(
  extraFrameAncestors: readonly string[],
  https: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {
    ...COMMON_HEADERS,
    "Content-Security-Policy": `default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors ${frameAncestors(extraFrameAncestors)}`,
  };
  if (https) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}
