// GET/POST /api/auth/* – next-auth v4: CSRF token, demo sign-in callback, session, sign-out.
import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

// The options are built per request from the run-time configuration, never at build time.
async function handle(request: NextRequest, context: Context): Promise<Response> {
  return (await NextAuth(request, context, getAuthOptions())) as Response;
}

export { handle as GET, handle as POST };
