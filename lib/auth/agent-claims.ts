import { isRole, type Role } from "@/lib/governance/roles";

export type AgentSource = "standalone" | "zendesk" | "salesforce";

/**
 * The signed-in person using the app (a support agent or sales rep), as the BFF and pages see them. `role` is fixed at
 * sign-in (DESIGN §10); absent (a token minted before roles existed) means the least: `agent`.
 */
export type Agent = {
  name: string;
  email?: string;
  source: AgentSource;
  role?: Role;
  /** The id (`sid`) of the session this agent signed in with: sign-out revokes it, and the embed tokens minted from it. */
  sessionId?: string;
};

/** The agent's role; a missing one is the least privileged. */
export function roleOf(agent: Agent): Role {
  return agent.role ?? "agent";
}

export const AGENT_SOURCES: readonly AgentSource[] = ["standalone", "zendesk", "salesforce"];

export function isAgentSource(value: unknown): value is AgentSource {
  return AGENT_SOURCES.some((source) => source === value);
}

/** The agent as the app's own tokens (embed token, hand-off code) carry it. */
export function agentClaims(agent: Agent): {
  name: string;
  src: AgentSource;
  role: Role;
  email?: string;
  sid?: string;
} {
  return {
    name: agent.name,
    src: agent.source,
    role: agent.role ?? "agent",
    ...(agent.email ? { email: agent.email } : {}),
    // The session's id travels along, so signing that session out revokes these tokens too.
    ...(agent.sessionId ? { sid: agent.sessionId } : {}),
  };
}

/** The agent of a verified token's claims, or null when they do not name one. */
export function agentFromClaims(payload: Record<string, unknown>): Agent | null {
  const { name, src, email, sid, role } = payload;
  if (typeof name !== "string" || !name || !isAgentSource(src)) return null;
  return {
    name,
    source: src,
    role: isRole(role) ? role : "agent",
    ...(typeof email === "string" && email ? { email } : {}),
    ...(typeof sid === "string" && sid ? { sessionId: sid } : {}),
  };
}
