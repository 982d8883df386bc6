import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import CredentialsProvider from "next-auth/providers/credentials";
import { auditSignIn } from "@/lib/audit/sign-in";
import type { RoleMap } from "@/lib/governance/roles";

const MAX_NAME_LENGTH = 80;

/** Compares without leaking the password's length or prefix through timing: both sides are hashed first. */
function isSamePassword(given: string, expected: string): boolean {
  const digest = (v: string) => createHash("sha256").update(v, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Agent names are shown in the UI and logged: one line of printable text, trimmed, bounded. */
function toAgentName(raw: string | undefined): string | null {
  const name = (raw ?? "").trim();
  if (!name || name.length > MAX_NAME_LENGTH || /[\p{Cc}\u2028\u2029]/u.test(name)) return null;
  return name;
}

/**
 * The `demo` sign-in (DESIGN §5): exists only when DEMO_PASSWORD is set; any agent name with that password.
 * It has no e-mail: the demo agent is identified by the name they typed. DEMO_ROLES (`name:role`, names compared
 * case-insensitively) gives some names a role; everyone else is an `agent`.
 */
export function createDemoProvider(password: string, roles: RoleMap = new Map()) {
  const byLowerName = new Map([...roles].map(([name, role]) => [name.toLowerCase(), role]));
  return CredentialsProvider({
    id: "demo",
    name: "Demo",
    credentials: {
      username: { label: "Agent name", type: "text" },
      password: { label: "Password", type: "password" },
    },
    authorize(credentials) {
      const name = toAgentName(credentials?.username);
      if (!name || !isSamePassword(credentials?.password ?? "", password)) {
        auditSignIn("standalone", "refused", { name: name ?? undefined }, "demo: wrong password or invalid name");
        return null;
      }
      return { id: `demo:${name}`, name, source: "standalone", role: byLowerName.get(name.toLowerCase()) ?? "agent" };
    },
  });
}
