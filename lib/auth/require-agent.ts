import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type Agent, readAgentFromCookies } from "./agent";
import { toSafeCallbackPath } from "./callback-url";

/**
 * For server-component pages: the signed-in agent, or a redirect to the sign-in page that brings the agent
 * back to `currentPath` afterwards (e.g. `requireAgent(\`/profiles/users/${encodedId}\`)`).
 */
export async function requireAgent(currentPath: string): Promise<Agent> {
  const jar = await cookies();
  const agent = await readAgentFromCookies((name) => jar.get(name)?.value);
  if (agent) return agent;
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(toSafeCallbackPath(currentPath))}`);
}

/** The signed-in agent or null, for pages that render for both (the sign-in page). */
export async function getAgent(): Promise<Agent | null> {
  const jar = await cookies();
  return readAgentFromCookies((name) => jar.get(name)?.value);
}
