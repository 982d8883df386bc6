import type { AgentSource } from "@/lib/auth/agent";
import type { Role } from "@/lib/governance/roles";

// The agent's session: name, optional e-mail, and where they signed in from. Never a Profile API token.
declare module "next-auth" {
  interface Session {
    user: { name: string; email?: string | null; image?: string | null };
    source: AgentSource;
    role: Role;
  }
  interface User {
    source?: AgentSource;
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    source?: AgentSource;
    /** Our own session id, set at sign-in and kept across re-encodes; revoked at sign-out (lib/auth/revocation.ts). */
    sid?: string;
    role?: Role;
  }
}
