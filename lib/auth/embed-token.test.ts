import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { mintEmbedToken, readBearerToken, verifyEmbedToken } from "./embed-token";
import { revoke, sessionRevocationId } from "./revocation";
import { stubUnitConfig } from "@/tests/support/unit-config";

stubUnitConfig();

const SECRET = "x".repeat(40);
const agent = { name: "Grace", email: "g@acme.test", source: "zendesk" as const, role: "supervisor" as const };

describe("embed token", () => {
  it("round-trips the agent", async () => {
    expect(await verifyEmbedToken(await mintEmbedToken(agent, SECRET), SECRET)).toEqual(agent);
  });

  it("is refused with another secret, once expired, or when signed with AUTH_SECRET itself", async () => {
    expect(await verifyEmbedToken(await mintEmbedToken(agent, SECRET), "y".repeat(40))).toBeNull();
    expect(await verifyEmbedToken(await mintEmbedToken(agent, SECRET, -60), SECRET)).toBeNull();
    const raw = await new SignJWT({ name: "x", src: "zendesk" })
      .setProtectedHeader({ alg: "HS256" })
      .setAudience("embed")
      .setIssuer("profile-sidebar")
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(SECRET));
    expect(await verifyEmbedToken(raw, SECRET)).toBeNull();
  });

  it("carries the session's id, and is refused once that session is revoked (sign-out)", async () => {
    const sessionId = `s-${Math.random()}`;
    const token = await mintEmbedToken({ name: "Grace", source: "zendesk", sessionId }, "secret-a");
    expect(await verifyEmbedToken(token, "secret-a")).toMatchObject({ name: "Grace", sessionId });
    await revoke(sessionRevocationId(sessionId), Date.now() + 60_000);
    expect(await verifyEmbedToken(token, "secret-a")).toBeNull();
  });

  it("reads only well-formed bearer headers", () => {
    expect(readBearerToken("Bearer a.b.c")).toBe("a.b.c");
    expect(readBearerToken("Basic a.b.c")).toBeNull();
    expect(readBearerToken(null)).toBeNull();
  });
});
