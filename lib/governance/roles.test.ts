import { describe, expect, it } from "vitest";
import { canReadAudit, canReveal, claimKeys, resolveRole } from "./roles";

const map = new Map([
  ["sidebar-supervisors", "supervisor"],
  ["sidebar-auditors", "auditor"],
  ["00e000000000001", "supervisor"],
] as const);

describe("resolveRole", () => {
  it("gives the strongest mapped role of all the identity's keys", () => {
    expect(resolveRole(["staff", "sidebar-supervisors", "sidebar-auditors"], map, "agent")).toBe("auditor");
    expect(resolveRole(["00e000000000001"], map, "agent")).toBe("supervisor");
  });

  it("falls back when nothing is mapped, and compares keys exactly", () => {
    expect(resolveRole([], map, "agent")).toBe("agent");
    expect(resolveRole(["Sidebar-Auditors"], map, "agent")).toBe("agent");
    expect(resolveRole(["other"], map, "supervisor")).toBe("supervisor");
  });
});

describe("role checks", () => {
  it("lets supervisors and auditors reveal, and only auditors read the log", () => {
    expect([canReveal("agent"), canReveal("supervisor"), canReveal("auditor"), canReveal(undefined)]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect([canReadAudit("agent"), canReadAudit("supervisor"), canReadAudit("auditor")]).toEqual([false, false, true]);
  });
});

describe("claimKeys", () => {
  it("reads arrays, single strings and separated strings", () => {
    expect(claimKeys(["a", "", 3, "b"])).toEqual(["a", "b"]);
    expect(claimKeys("a b,c")).toEqual(["a", "b", "c"]);
    expect(claimKeys(undefined)).toEqual([]);
  });
});
