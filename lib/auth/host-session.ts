import "server-only";
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { auditSignIn } from "@/lib/audit/sign-in";
import { getConfig } from "@/lib/config";
import type { Agent } from "./agent";
import { AUTH_COOKIE_OPTIONS, SESSION_COOKIE_NAME } from "./cookies";
import { SESSION_MAX_AGE_SECONDS } from "./session-max-age";

/**
 * The `Set-Cookie` value of a next-auth session for an agent a host (Zendesk, Salesforce) vouched for. Same cookie name,
 * attributes and JWT encoding as next-auth's own sign-in, so `getServerSession`, sign-out and `authenticateRequest` all
 * accept it: `HttpOnly; Secure; SameSite=None; Partitioned` because it lives inside the host's iframe.
 */
export async function buildHostSessionCookie(agent: Agent): Promise<string> {
  const token = await encode({
    token: {
      name: agent.name,
      email: agent.email ?? null,
      sub: `${agent.source}:${agent.name}`,
      source: agent.source,
      // Stable for the session's life (next-auth's own jti changes whenever it re-encodes): what sign-out revokes.
      sid: agent.sessionId ?? randomUUID(),
      role: agent.role ?? "agent",
    },
    secret: getConfig().AUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000).toUTCString();
  const { path } = AUTH_COOKIE_OPTIONS;
  return `${SESSION_COOKIE_NAME}=${token}; Path=${path}; Expires=${expires}; HttpOnly; Secure; SameSite=None; Partitioned`;
}

/** The plain 401 page a host sees when its assertion does not verify: no detail an attacker could use, no cookie. */
export function hostSignInRefused(): Response {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not signed in</title></head>' +
    "<body><h1>Not signed in</h1><p>The host application's sign-in could not be verified. Reload the page in the host; " +
    "if this persists, ask your administrator to check the Profile Sidebar integration settings.</p></body></html>";
  return new Response(html, {
    status: 401,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** A 303 to one of our own paths (relative Location: never another host) that also sets the session cookie. */
export function redirectWithSession(path: `/${string}`, cookie: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: path, "Set-Cookie": cookie, "Cache-Control": "no-store" },
  });
}

/** One JSON log line for a host sign-in attempt: the outcome and reason, never the token or the agent's e-mail. */
export function logHostSignIn(
  host: "zendesk" | "salesforce",
  outcome: "ok" | "refused",
  reason?: string,
  agent?: Agent,
): void {
  auditSignIn(host, outcome, agent, reason);
  console.log(
    JSON.stringify({
      level: outcome === "ok" ? "info" : "warn",
      msg: "host sign-in",
      host,
      outcome,
      ...(reason ? { reason } : {}),
    }),
  );
}
