// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { groupExternalIds, identitiesFoldedLine, isMatchedIdentifier, pickProfileIdentifier } from "./identity-groups";
import { formatRelativeTime } from "./format";

describe("groupExternalIds", () => {
  it("groups by kind in reading order, devices together, oldest first", () => {
    const groups = groupExternalIds([
      { id: "f3a1", type: "android.id", created_at: "2025-10-28T00:00:00Z" },
      { id: "anon_2", type: "anonymous_id", created_at: "2025-10-10T00:00:00Z" },
      { id: "6D92", type: "ios.idfa", created_at: "2025-10-23T00:00:00Z" },
      { id: "u_ada", type: "user_id" },
      { id: "anon_1", type: "anonymous_id", created_at: "2025-10-07T00:00:00Z" },
      { id: "x", type: "loyalty_card" },
    ]);
    expect(groups.map((g) => g.label)).toEqual(["User ID", "Anonymous IDs", "Devices", "Other identifiers"]);
    expect(groups[1]?.ids.map((i) => i.id)).toEqual(["anon_1", "anon_2"]);
    expect(groups[2]?.ids.map((i) => i.type)).toEqual(["ios.idfa", "android.id"]);
  });

  it("marks the lookup identifier exactly (case-sensitive)", () => {
    expect(isMatchedIdentifier({ id: "ada@example.com", type: "email" }, "email:ada@example.com")).toBe(true);
    expect(isMatchedIdentifier({ id: "Ada@example.com", type: "email" }, "email:ada@example.com")).toBe(false);
    // A masked phone is marked by its type and the hint's last digits, the agent having typed the number.
    const masked = { id: { masked: true as const, hint: "…0001" }, type: "phone" };
    expect(isMatchedIdentifier(masked, "phone:+15550100001")).toBe(true);
    expect(isMatchedIdentifier(masked, "phone:+15550100002")).toBe(false);
    expect(isMatchedIdentifier(masked, "user_id:u_0001")).toBe(false);
  });

  it("opens linked profiles by user_id, then group_id, then email", () => {
    expect(
      pickProfileIdentifier([
        { id: "a@x", type: "email" },
        { id: "u1", type: "user_id" },
      ]),
    ).toBe("user_id:u1");
    expect(pickProfileIdentifier([{ id: "acct", type: "group_id" }])).toBe("group_id:acct");
    expect(pickProfileIdentifier([])).toBeNull();
  });
});

describe("formatRelativeTime", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  it("reads like a person would say it", () => {
    expect(formatRelativeTime("2026-11-23T11:59:30Z", now)).toBe("just now");
    expect(formatRelativeTime("2026-11-23T11:55:00Z", now)).toBe("5 min ago");
    expect(formatRelativeTime("2026-11-23T09:00:00Z", now)).toBe("3 h ago");
    expect(formatRelativeTime("2026-11-22T11:00:00Z", now)).toBe("1 day ago");
    expect(formatRelativeTime("2026-11-10T12:00:00Z", now)).toBe("13 days ago");
  });
});

describe("identitiesFoldedLine", () => {
  it("says how the profile was matched and how many identifiers it has", () => {
    expect(identitiesFoldedLine("email:ada@example.com", 9)).toBe("matched by e-mail · 9 identifiers");
    expect(identitiesFoldedLine("ios.idfa:6D92", 1)).toBe("matched by ios.idfa · 1 identifier");
    expect(identitiesFoldedLine("user_id:u_1", null)).toBe("matched by user ID");
  });
});
