import { EncryptJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SharedStore } from "@/lib/shared-store/shared-store";
import { mintHandoffCode, redeemHandoffCode } from "./handoff-code";

const SECRET = "s".repeat(40);
// This instance's own memory: what the app uses without REDIS_URL (the Redis-backed store is tested in tests/redis).
const store = new SharedStore();
// The role travels in the code: the sidebar's session must not lose what the host sign-in decided.
const agent = { name: "Zoe", email: "zoe@acme.test", source: "zendesk" as const, role: "supervisor" as const };

afterEach(() => vi.useRealTimers());

describe("host hand-off code", () => {
  it("is redeemed once, on the host it was issued for", async () => {
    const code = await mintHandoffCode(agent, "zendesk", SECRET);
    expect(code).not.toContain("Zoe");
    expect(await redeemHandoffCode(code, "zendesk", SECRET, store)).toEqual(agent);
    expect(await redeemHandoffCode(code, "zendesk", SECRET, store)).toBeNull();
  });

  it("is refused on the other host, with another secret, or tampered", async () => {
    const code = await mintHandoffCode(agent, "zendesk", SECRET);
    expect(await redeemHandoffCode(code, "salesforce", SECRET, store)).toBeNull();
    expect(await redeemHandoffCode(code, "zendesk", "t".repeat(40), store)).toBeNull();
    const parts = code.split(".");
    parts[3] = `${(parts[3] ?? "").slice(0, -2)}AA`;
    expect(await redeemHandoffCode(parts.join("."), "zendesk", SECRET, store)).toBeNull();
    expect(await redeemHandoffCode("", "zendesk", SECRET, store)).toBeNull();
    expect(await redeemHandoffCode("not-a-code", "zendesk", SECRET, store)).toBeNull();
    // Still good after those failed attempts: they did not consume it.
    expect(await redeemHandoffCode(code, "zendesk", SECRET, store)).toEqual(agent);
  });

  it("expires after 60 seconds, and cannot be minted for longer", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    const code = await mintHandoffCode(agent, "salesforce", SECRET);
    const long = await mintHandoffCode(agent, "salesforce", SECRET, 3_600);
    vi.setSystemTime(new Date("2026-01-01T00:01:01Z"));
    expect(await redeemHandoffCode(code, "salesforce", SECRET, store)).toBeNull();
    expect(await redeemHandoffCode(long, "salesforce", SECRET, store)).toBeNull();
  });

  it("needs a jti and an expiry", async () => {
    const { hkdfSync } = await import("node:crypto");
    const key = new Uint8Array(hkdfSync("sha256", SECRET, "profile-sidebar", "embed-handoff-code-v1", 32));
    const noJti = await new EncryptJWT({ name: "x", src: "zendesk" })
      .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
      .setIssuer("profile-sidebar")
      .setAudience("handoff:zendesk")
      .setExpirationTime("30s")
      .encrypt(key);
    expect(await redeemHandoffCode(noJti, "zendesk", SECRET, store)).toBeNull();
  });
});
