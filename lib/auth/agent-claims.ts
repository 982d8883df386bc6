export type AgentSource = "standalone" | "zendesk" | "salesforce";

/** The signed-in person using the app (a support agent or sales rep), as the BFF and pages see them. */
export type Agent = { name: string; email?: string; source: AgentSource };

export const AGENT_SOURCES: readonly AgentSource[] = ["standalone", "zendesk", "salesforce"];

export function isAgentSource(value: unknown): value is AgentSource {
  return AGENT_SOURCES.some((source) => source === value);
}

/** The agent as the app's own tokens (embed token, hand-off code) carry it. */
export function agentClaims(agent: Agent): { name: string; src: AgentSource; email?: string } {
  return { name: agent.name, src: agent.source, ...(agent.email ? { email: agent.email } : {}) };
}

/** The agent of a verified token's claims, or null when they do not name one. */
export function agentFromClaims(payload: Record<string, unknown>): Agent | null {
  const { name, src, email } = payload;
  if (typeof name !== "string" || !name || !isAgentSource(src)) return null;
  return { name, source: src, ...(typeof email === "string" && email ? { email } : {}) };
}
