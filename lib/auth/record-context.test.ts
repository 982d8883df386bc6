import { afterEach, describe, expect, it, vi } from "vitest";
import { openRecordContext, RECORD_CONTEXT_TTL_SECONDS, sealRecordContext } from "./record-context";

const SECRET = "s".repeat(40);
const rita = { name: "Rita Rep", email: "rita@acme.test", source: "salesforce" as const };

afterEach(() => vi.useRealTimers());

describe("record context (ctx)", () => {
  it("carries the identifier opaquely, for the agent and host it was sealed for, again and again (reloads)", async () => {
    const ctx = await sealRecordContext("email:ada@example.com", rita, "salesforce", SECRET);
    expect(ctx).not.toContain("ada");
    expect(decodeURIComponent(ctx)).not.toMatch(/ada|example|email/i);
    expect(await openRecordContext(ctx, rita, "salesforce", SECRET)).toBe("email:ada@example.com");
    expect(await openRecordContext(ctx, rita, "salesforce", SECRET)).toBe("email:ada@example.com");
  });

  it("is refused for another agent, the other host, another secret, tampered, or expired", async () => {
    const ctx = await sealRecordContext("email:ada@example.com", rita, "salesforce", SECRET);
    expect(await openRecordContext(ctx, { ...rita, name: "Mallory" }, "salesforce", SECRET)).toBeNull();
    expect(await openRecordContext(ctx, { ...rita, email: "m@acme.test" }, "salesforce", SECRET)).toBeNull();
    expect(await openRecordContext(ctx, { ...rita, source: "zendesk" }, "salesforce", SECRET)).toBeNull();
    expect(await openRecordContext(ctx, rita, "zendesk", SECRET)).toBeNull();
    expect(await openRecordContext(ctx, rita, "salesforce", "t".repeat(40))).toBeNull();
    const parts = ctx.split(".");
    parts[3] = `${(parts[3] ?? "").slice(0, -2)}AA`;
    expect(await openRecordContext(parts.join("."), rita, "salesforce", SECRET)).toBeNull();
    expect(await openRecordContext("", rita, "salesforce", SECRET)).toBeNull();
    expect(await openRecordContext("email:ada@example.com", rita, "salesforce", SECRET)).toBeNull();
    vi.useFakeTimers({ now: Date.now() + (RECORD_CONTEXT_TTL_SECONDS + 1) * 1000 });
    expect(await openRecordContext(ctx, rita, "salesforce", SECRET)).toBeNull();
  });
});
