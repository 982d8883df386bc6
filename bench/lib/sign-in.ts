/**
 * Signs the bench's agent in through the real next-auth flow: GET the CSRF token, POST the
 * demo credentials to the credentials callback, keep the cookies. Cookies are sent back as a
 * header (Secure cookies over http://localhost are not kept by a cookie jar).
 */
function cookiesOf(res: Response): string[] {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .filter(Boolean);
}

export async function signIn(appUrl: string, password: string, agent = "bench-agent"): Promise<string> {
  const csrfRes = await fetch(`${appUrl}/api/auth/csrf`);
  if (!csrfRes.ok) throw new Error(`csrf: HTTP ${csrfRes.status}`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const body = new URLSearchParams({ csrfToken, username: agent, password, json: "true", callbackUrl: appUrl });
  const res = await fetch(`${appUrl}/api/auth/callback/demo`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body,
    redirect: "manual",
  });
  const cookies = [...jar, ...cookiesOf(res)];
  const session = cookies.find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed: HTTP ${res.status}, no session cookie`);
  return cookies.join("; ");
}
