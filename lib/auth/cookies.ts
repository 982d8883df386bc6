import "server-only";
import type { CookiesOptions } from "next-auth";

/**
 * next-auth's cookies, set so they work inside a Zendesk/Salesforce iframe (a cross-site frame):
 * `SameSite=None; Secure; Partitioned`. next-auth v4 shallow-merges this option, so every cookie
 * gets its full options. Host sign-in (lib/auth, embed) mints a session under the same name and options.
 */
export const AUTH_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "none",
  path: "/",
  secure: true,
  partitioned: true,
} as const;

export const SESSION_COOKIE_NAME = "__Secure-next-auth.session-token";
export const CSRF_COOKIE_NAME = "__Host-next-auth.csrf-token";
export const CALLBACK_URL_COOKIE_NAME = "__Secure-next-auth.callback-url";

export const AUTH_COOKIES: Partial<CookiesOptions> = {
  sessionToken: { name: SESSION_COOKIE_NAME, options: { ...AUTH_COOKIE_OPTIONS } },
  csrfToken: { name: CSRF_COOKIE_NAME, options: { ...AUTH_COOKIE_OPTIONS } },
  callbackUrl: { name: CALLBACK_URL_COOKIE_NAME, options: { ...AUTH_COOKIE_OPTIONS } },
};
