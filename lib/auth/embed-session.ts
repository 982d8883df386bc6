import "server-only";
import { getConfig } from "@/lib/config";
import type { Agent } from "./agent";
import { EMBED_TOKEN_TTL_SECONDS, mintEmbedToken } from "./embed-token";
import { type HandoffHost, redeemHandoffCode } from "./handoff-code";
import { getAgent } from "./require-agent";

export type EmbedSession = { agent: Agent; token: string; expiresAt: number };

/**
 * For the embedded sidebar pages: the agent plus a fresh embed token to render into the page (it is kept in memory by
 * the browser and sent as a bearer). The agent comes from the session cookie when the browser sent one, else from the
 * one-time hand-off code the host sign-in put in the URL (a browser that keeps no cookie for us at all). Null without
 * either: the page then asks the host to reload it, it never shows a sign-in form inside a host.
 */
export async function getEmbedSession(host: HandoffHost, handoffCode?: string): Promise<EmbedSession | null> {
  const secret = getConfig().AUTH_SECRET;
  const agent = (await getAgent()) ?? (handoffCode ? await redeemHandoffCode(handoffCode, host, secret) : null);
  if (!agent) return null;
  const token = await mintEmbedToken(agent, secret);
  return { agent, token, expiresAt: Date.now() + EMBED_TOKEN_TTL_SECONDS * 1000 };
}
