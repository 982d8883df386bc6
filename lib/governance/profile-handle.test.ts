import { describe, expect, it } from "vitest";
import { HANDLE_PREFIX, isHandleShaped } from "@/lib/core/profile-ref";
import { openProfileHandle, profileHandle } from "./profile-handle";

const SECRET = "a".repeat(40);
const OTHER_DEPLOYMENT = "b".repeat(40);
const ada = { type: "email", value: "ada@example.com" };

/** Flips one bit of the decoded bytes at `index` and re-encodes: what an altered link looks like. */
function flipBit(handle: string, index: number): string {
  const raw = Buffer.from(handle.slice(HANDLE_PREFIX.length), "base64url");
  raw[index] = (raw[index] ?? 0) ^ 1;
  return `${HANDLE_PREFIX}${raw.toString("base64url")}`;
}

describe("profile handle", () => {
  it("opens to the collection and identifier it was made for, and names neither", () => {
    const handle = profileHandle("users", ada, SECRET);
    expect(isHandleShaped(handle)).toBe(true);
    expect(handle).toMatch(/^h1\.[A-Za-z0-9_-]+$/);
    expect(handle).not.toContain("ada");
    expect(handle).not.toContain("email");
    expect(openProfileHandle(handle, SECRET)).toEqual({ collection: "users", id: ada });
  });

  it("is the same for the same profile (one URL per customer), and differs between profiles and collections", () => {
    const handle = profileHandle("users", ada, SECRET);
    expect(profileHandle("users", { ...ada }, SECRET)).toBe(handle);
    expect(profileHandle("users", { type: "email", value: "ada@example.org" }, SECRET)).not.toBe(handle);
    expect(profileHandle("accounts", ada, SECRET)).not.toBe(handle);
  });

  it("keeps values that are awkward in a URL (colons, slashes, percent, unicode) intact", () => {
    const odd = { type: "user_id", value: "a:b/c?d#e%25 ü\u00e9+" };
    const handle = profileHandle("accounts", odd, SECRET);
    expect(encodeURIComponent(handle)).toBe(handle);
    expect(openProfileHandle(handle, SECRET)).toEqual({ collection: "accounts", id: odd });
  });

  it("does not open under another deployment's secret", () => {
    expect(openProfileHandle(profileHandle("users", ada, SECRET), OTHER_DEPLOYMENT)).toBeNull();
  });

  it("refuses an altered, truncated or made-up handle without throwing", () => {
    const handle = profileHandle("users", ada, SECRET);
    const altered = [
      flipBit(handle, 0), // IV
      flipBit(handle, 14), // ciphertext
      flipBit(handle, Buffer.from(handle.slice(3), "base64url").length - 1), // tag
      handle.slice(0, -4),
      `h2.${handle.slice(3)}`,
      `${handle}!`,
      "h1.",
      "h1.AAAA",
      `h1.${"A".repeat(7000)}`,
      "email:ada@example.com",
    ];
    for (const candidate of altered) expect(openProfileHandle(candidate, SECRET)).toBeNull();
  });
});
