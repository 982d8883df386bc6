/**
 * Where to send an agent after sign-in. Only a same-origin path is accepted (no open redirect):
 * it must start with one `/`, and may not start with `//` or `/\` (both mean "another host" to a browser).
 * Pure, so the sign-in page and next-auth's redirect callback share it.
 */
export function toSafeCallbackPath(raw: string | null | undefined, fallback = "/"): string {
  if (!raw || raw.length > 2048) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  // Control characters (tabs, newlines) are dropped by URL parsers and can turn `/\t/evil` into `//evil`.
  if (/[\p{Cc}\\]/u.test(raw)) return fallback;
  return raw;
}

/** next-auth's redirect targets: absolute URLs of our own origin are reduced to their path; anything else becomes `/`. */
export function toSafeRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/")) return `${baseUrl}${toSafeCallbackPath(url)}`;
  try {
    const target = new URL(url);
    if (target.origin === new URL(baseUrl).origin)
      return `${baseUrl}${toSafeCallbackPath(target.pathname + target.search)}`;
  } catch {
    /* not a URL: fall through */
  }
  return baseUrl;
}
