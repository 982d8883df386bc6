// GET/POST /api/auth/* – next-auth v4: CSRF token, demo sign-in callback, session, sign-out.
import type { NextRequest } from "next/server";
import NextAuth, { type AuthOptions } from "next-auth";
import { SESSION_COOKIE_NAME } from "@/lib/auth/cookies";
import { getAuthOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

// The options are built per request from the run-time configuration, never at build time.
async function handle(request: NextRequest, context: Context): Promise<Response> {
  const options = getAuthOptions();
  const refusal = refuseCredentialsCallbackGet(request, (await context.params).nextauth, options);
  if (refusal) return refusal;
  const response = (await NextAuth(request, context, options)) as Response;
  return withUnpartitionedSessionCleared(response);
}

/**
 * A form sign-in (credentials) is only ever POSTed; next-auth answers a GET of its callback with a 500 and a plain-text
 * error. That is a wrong method, not our failure: 405 JSON naming the allowed method.
 */
function refuseCredentialsCallbackGet(
  request: NextRequest,
  segments: string[],
  options: AuthOptions,
): Response | undefined {
  if (request.method !== "GET" || segments[0] !== "callback") return undefined;
  // A provider's own options (its `id`, e.g. "demo") are merged over its defaults only inside next-auth.
  const provider = options.providers.find(
    (p) => ((p as { options?: { id?: string } }).options?.id ?? p.id) === segments[1],
  );
  if (provider?.type !== "credentials") return undefined;
  const body = {
    error: { code: "method_not_allowed", message: "This sign-in is completed with a POST from the sign-in form." },
  };
  return Response.json(body, { status: 405, headers: { Allow: "POST", "Cache-Control": "private, no-store" } });
}

/**
 * A partitioned cookie is only cleared by a `Partitioned` Set-Cookie, an unpartitioned one only by one without it.
 * When next-auth clears the session (sign-out), clear a session cookie set without `Partitioned` too (older
 * deployments, tools), so signing out always signs out.
 */
function withUnpartitionedSessionCleared(response: Response): Response {
  const clearing = response.headers
    .getSetCookie()
    .some((c) => c.startsWith(`${SESSION_COOKIE_NAME}=;`) && /Max-Age=0/i.test(c));
  if (clearing) {
    response.headers.append(
      "Set-Cookie",
      `${SESSION_COOKIE_NAME}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=None`,
    );
  }
  return response;
}

export { handle as GET, handle as POST };
