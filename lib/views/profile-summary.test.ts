import { describe, expect, it } from "vitest";
import type { ProfileSummary } from "@/lib/core/api-types";
import {
  audienceMemberships,
  customerLocalTime,
  displayName,
  formatFact,
  summaryFacts,
  summaryFlags,
} from "./profile-summary";
import { DEFAULT_VIEW_SETTINGS } from "./view-settings";

const summary = (parts: Partial<ProfileSummary>): ProfileSummary => ({
  collection: "users",
  id: "user_id:u_1",
  traits: {},
  computed_traits: {},
  audiences: {},
  external_ids: [],
  metadata: {},
  links: [],
  errors: {},
  ...parts,
});

describe("summary header", () => {
  it("names the customer from name, else first and last name", () => {
    expect(displayName(summary({ traits: { name: "Ada Lovelace" } }))).toBe("Ada Lovelace");
    expect(displayName(summary({ traits: { first_name: "Ada", last_name: "Lovelace" } }))).toBe("Ada Lovelace");
    expect(displayName(summary({ traits: null }))).toBeNull();
  });

  it("formats key facts from traits and computed traits: money, nested names, dates", () => {
    const s = summary({
      traits: { plan: "business", company: { id: "acct_acme", name: "Acme Corp", role: "admin" } },
      computed_traits: { lifetime_value: 4713.5, last_seen_at: "2026-12-01T10:00:00.000Z" },
    });
    expect(summaryFacts(s, DEFAULT_VIEW_SETTINGS)).toEqual([
      { key: "plan", label: "Plan", kind: "text", text: "business" },
      { key: "company", label: "Company", kind: "text", text: "Acme Corp" },
      { key: "lifetime_value", label: "Lifetime value", kind: "text", text: "$4,713.50" },
      { key: "last_seen_at", label: "Last seen at", kind: "date", iso: "2026-12-01T10:00:00.000Z" },
    ]);
    expect(formatFact("seats", 12, "EUR")).toMatchObject({ text: "12" });
    expect(formatFact("lifetime_value", 10, "EUR")).toMatchObject({ text: "€10.00" });
  });

  it("shows a masked value as its hint and skips empty ones", () => {
    expect(formatFact("phone", { masked: true, hint: "…0001" }, "USD")).toMatchObject({
      kind: "masked",
      text: "hidden (…0001)",
    });
    expect(formatFact("plan", null, "USD")).toBeNull();
    expect(formatFact("plan", "", "USD")).toBeNull();
  });

  it("flags what is true and lists only the audiences the customer belongs to, each once", () => {
    const s = summary({
      audiences: { vip_support: true, churn_risk: false, high_value_customers: true, trial_users: false },
    });
    expect(summaryFlags(s, ["vip", "vip_support", "churn_risk"])).toEqual([
      { key: "vip_support", label: "Vip support" },
    ]);
    expect(audienceMemberships(s, ["vip_support"])).toEqual(["high_value_customers"]);
  });

  it("gives the customer's local time from the timezone trait, and nothing for a bad zone", () => {
    const now = new Date("2026-12-03T15:00:00Z");
    expect(customerLocalTime(summary({ traits: { timezone: "Asia/Tokyo" } }), "timezone", now)).toEqual({
      time: "Fri 00:00",
      zone: "Asia/Tokyo",
    });
    expect(customerLocalTime(summary({ traits: { timezone: "Mars/Olympus" } }), "timezone", now)).toBeNull();
    expect(customerLocalTime(summary({ traits: {} }), "timezone", now)).toBeNull();
  });
});
