import { isRole, type Role } from "@/lib/governance/roles";
import type { Agent, AgentSource } from "./agent";

export const AGENT_SOURCES: readonly AgentSource[] = ["standalone", "zendesk", "salesforce"];

export function isAgentSource(value: unknown): value is AgentSource {
  return AGENT_SOURCES.some((source) => source === value);
}

/** The agent as the app's own tokens (embed token, hand-off code) carry it. */
export function agentClaims(agent: Agent): { name: string; src: AgentSource; role: Role; email?: string } {
  return { name: agent.name, src: agent.source, role: agent.role ?? "agent", ...(agent.email ? { email: agent.email } : {}) };
}

/** The agent of a verified token's claims, or null when they do not name one. */
export function agentFromClaims(payload: Record<string, unknown>): Agent | null {
  const { name, src, email, role } = payload;
  if (typeof name !== "string" || !name || !isAgentSource(src)) return null;
  return { name, source: src, role: isRole(role) ? role : "agent", ...(typeof email === "string" && email ? { email } : {}) };
}
