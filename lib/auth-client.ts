/**
 * The browser's side of next-auth v4's sign-in and sign-out: fetch a CSRF token (which also sets the CSRF cookie),
 * then POST the form with `json=true` so next-auth answers `{ url }` instead of redirecting. Browser-safe: no server imports.
 */

const AUTH_BASE = "/api/auth";

async function getCsrfToken(): Promise<string> {
  const response = await fetch(`${AUTH_BASE}/csrf`, { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) throw new Error(`csrf ${response.status}`);
  const body = (await response.json()) as { csrfToken?: unknown };
  if (typeof body.csrfToken !== "string") throw new Error("csrf token missing");
  return body.csrfToken;
}

async function postAuthForm(path: string, fields: Record<string, string>): Promise<URL> {
  const csrfToken = await getCsrfToken();
  const response = await fetch(`${AUTH_BASE}/${path}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken, json: "true" }),
  });
  const body = (await response.json().catch(() => ({}))) as { url?: unknown };
  return new URL(typeof body.url === "string" ? body.url : "/", window.location.href);
}

export type SignInOutcome = { ok: true } | { ok: false; error: string };

/** Signs in with the demo provider. On failure next-auth names the reason in the `error` query parameter. */
export async function signInWithDemo(username: string, password: string, callbackUrl: string): Promise<SignInOutcome> {
  const url = await postAuthForm("callback/demo", { username, password, callbackUrl });
  const error = url.searchParams.get("error");
  return error ? { ok: false, error } : { ok: true };
}

export async function signOut(): Promise<void> {
  await postAuthForm("signout", { callbackUrl: "/sign-in" });
}

/** Starts the OpenID Connect sign-in: next-auth answers with the identity provider's authorization URL. */
export async function startOidcSignIn(callbackUrl: string): Promise<void> {
  const url = await postAuthForm("signin/oidc", { callbackUrl });
  window.location.assign(url.toString());
}
