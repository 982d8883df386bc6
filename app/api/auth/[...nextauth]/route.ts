// GET/POST /api/auth/* – next-auth v4: CSRF token, demo sign-in callback, session, sign-out.
import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { SESSION_COOKIE_NAME } from "@/lib/auth/cookies";
import { getAuthOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

// The options are built per request from the run-time configuration, never at build time.
async function handle(request: NextRequest, context: Context): Promise<Response> {
  const response = (await NextAuth(request, context, getAuthOptions())) as Response;
  return withUnpartitionedSessionCleared(response);
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
