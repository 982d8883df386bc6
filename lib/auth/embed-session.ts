import "server-only";
import { getConfig } from "@/lib/config";
import type { Agent } from "./agent";
import { EMBED_TOKEN_TTL_SECONDS, mintEmbedToken } from "./embed-token";
import { getAgent } from "./require-agent";

export type EmbedSession = { agent: Agent; token: string; expiresAt: number };

/**
 * For the embedded sidebar pages: the session's agent plus a fresh embed token to render into the page (it is kept in
 * memory by the browser and sent as a bearer). Null without a session: the page then asks the host to reload it, it
 * never shows a sign-in form inside a host.
 */
export async function getEmbedSession(): Promise<EmbedSession | null> {
  const agent = await getAgent();
  if (!agent) return null;
  const token = await mintEmbedToken(agent, getConfig().AUTH_SECRET);
  return { agent, token, expiresAt: Date.now() + EMBED_TOKEN_TTL_SECONDS * 1000 };
}
