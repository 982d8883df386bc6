import type { AgentSource } from "@/lib/auth/agent";

// The agent's session: name, optional e-mail, and where they signed in from. Never a Profile API token.
declare module "next-auth" {
  interface Session {
    user: { name: string; email?: string | null; image?: string | null };
    source: AgentSource;
  }
  interface User {
    source?: AgentSource;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    source?: AgentSource;
  }
}
