// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { orderTraitKeys, otherClassKeys, traitCopyText, viewTraitValue } from "./trait-values";

describe("viewTraitValue", () => {
  it("types values the way an agent reads them", () => {
    expect(viewTraitValue(true)).toEqual({ kind: "boolean", value: true });
    expect(viewTraitValue(4749)).toMatchObject({ kind: "number", text: "4,749" });
    expect(viewTraitValue("$1,250.00")).toEqual({ kind: "currency", text: "$1,250.00" });
    expect(viewTraitValue("£299.00")).toEqual({ kind: "currency", text: "£299.00" });
    expect(viewTraitValue({ amount: 249.99, currency: "USD" })).toEqual({ kind: "currency", text: "$249.99" });
    expect(viewTraitValue("2026-11-23T02:16:25.082Z")).toMatchObject({ kind: "date", dateOnly: false });
    expect(viewTraitValue("1815-12-10")).toMatchObject({ kind: "date", dateOnly: true });
    expect(viewTraitValue("https://ada.example.com/about?ref=profile")).toMatchObject({
      kind: "url",
      text: "ada.example.com/about",
    });
    expect(viewTraitValue({ city: "London", country: "GB" })).toMatchObject({ kind: "json", summary: "2 fields" });
    expect(viewTraitValue(["vip"])).toMatchObject({ kind: "json", summary: "1 item" });
    expect(viewTraitValue(null)).toEqual({ kind: "empty" });
    expect(viewTraitValue("Head of Analytics")).toEqual({ kind: "text", text: "Head of Analytics" });
  });

  it("does not mistake plain numbers-in-text or javascript: links for money or URLs", () => {
    expect(viewTraitValue("12 St James's Square").kind).toBe("text");
    expect(viewTraitValue("javascript:alert(1)").kind).toBe("text");
  });
});

describe("orderTraitKeys", () => {
  it("puts pinned keys first in configured order, then the rest alphabetically", () => {
    const rows = orderTraitKeys(["zip", "plan", "age", "name"], ["name", "email", "plan"]);
    expect(rows).toEqual([
      { key: "name", pinned: true },
      { key: "plan", pinned: true },
      { key: "age", pinned: false },
      { key: "zip", pinned: false },
    ]);
  });

  it("filters by key, case-insensitively", () => {
    expect(orderTraitKeys(["last_name", "first_name", "plan"], ["plan"], "NAME").map((r) => r.key)).toEqual([
      "first_name",
      "last_name",
    ]);
  });
});

describe("each trait once, copied as it is", () => {
  const summary = {
    collection: "users" as const,
    id: "user_id:u_1",
    traits: { plan: "pro", vip_support: true, lifetime_value: 10 },
    computed_traits: { lifetime_value: 10 },
    audiences: { vip_support: true, trial_users: false },
    external_ids: [],
    metadata: {},
    links: [],
    errors: {},
  };

  it("names the computed traits and audiences the Traits tab leaves to their own tabs", () => {
    expect([...(otherClassKeys(summary) ?? [])].sort()).toEqual(["lifetime_value", "trial_users", "vip_support"]);
    expect(otherClassKeys(undefined)).toBeNull();
    expect(otherClassKeys({ ...summary, computed_traits: null, audiences: null })?.size).toBe(0);
  });

  it("copies values as text, never a masked value (only its hint is shown), nothing for empty ones", () => {
    expect(traitCopyText("Acme")).toBe("Acme");
    expect(traitCopyText(4713.5)).toBe("4713.5");
    expect(traitCopyText(false)).toBe("false");
    expect(traitCopyText({ name: "Acme Corp" })).toBe('{"name":"Acme Corp"}');
    expect(traitCopyText({ masked: true, hint: "…0001" })).toBeNull();
    expect(traitCopyText(null)).toBeNull();
    expect(traitCopyText("  ")).toBeNull();
  });
});
