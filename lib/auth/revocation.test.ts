import { afterEach, describe, expect, it, vi } from "vitest";
import { claimOnce, isRevoked, MAX_REVOKED_ENTRIES, revoke } from "./revocation";
import { stubUnitConfig } from "@/tests/support/unit-config";

stubUnitConfig();

afterEach(() => {
  vi.useRealTimers();
});

describe("revocation store", () => {
  it("refuses a revoked id until the token would have expired, then forgets it", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    await revoke("session-a", Date.now() + 60_000);
    expect(await isRevoked("session-a")).toBe(true);
    expect(await isRevoked("session-b")).toBe(false);
    vi.setSystemTime(Date.now() + 60_001);
    expect(await isRevoked("session-a")).toBe(false);
  });

  it("claims an id once within its life: the replay is refused", async () => {
    const until = Date.now() + 300_000;
    expect(await claimOnce("token-1", until)).toBe(true);
    expect(await claimOnce("token-1", until)).toBe(false);
    expect(await claimOnce("token-2", until)).toBe(true);
  });

  it("stays bounded under a flood", async () => {
    const until = Date.now() + 60_000;
    for (let i = 0; i < MAX_REVOKED_ENTRIES + 10; i++) await revoke(`flood-${i}`, until);
    expect(await isRevoked(`flood-${MAX_REVOKED_ENTRIES + 9}`)).toBe(true);
    expect(await isRevoked("flood-0")).toBe(false);
  });
});
