import { describe, expect, it } from "vitest";
import type { ProfileEvent, ProfileSummary } from "@/lib/core/api-types";
import { buildSummaryText, formatUtc } from "./summary-text";

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

const track = (event: string, timestamp: string, properties: ProfileEvent["properties"] = {}): ProfileEvent => ({
  type: "track",
  event,
  timestamp,
  properties,
});

const masked = (hint: string) => ({ masked: true as const, hint });

describe("buildSummaryText", () => {
  it("names the customer, the plan and each just-happened event with its UTC time and detail", () => {
    const text = buildSummaryText({
      summary: summary({ traits: { name: "Ada Lovelace", plan: "business", email: "ada@example.com" } }),
      events: [
        track("Payment Failed", "2026-12-03T17:40:05.000Z", { amount: 299, currency: "USD", reason: "card_declined" }),
        track("Support Ticket Opened", "2026-12-02T09:05:00.000Z", { subject: "Billing question", priority: "high" }),
      ],
    });
    expect(text).toBe(
      [
        "Customer: Ada Lovelace",
        "Plan: business",
        "Just happened:",
        "- Payment Failed, 3 Dec 2026, 17:40 UTC ($299.00 · card declined)",
        "- Support Ticket Opened, 2 Dec 2026, 09:05 UTC (Billing question · high priority)",
      ].join("\n"),
    );
    // Only what was asked for: no e-mail, no identifier.
    expect(text).not.toContain("ada@example.com");
    expect(text).not.toContain("u_1");
  });

  it("leaves out masked values for every role: a masked name, plan or event property never appears, not even its hint", () => {
    const text = buildSummaryText({
      summary: summary({
        traits: {
          name: masked("…ace"),
          plan: { masked: true, hint: "…ess", revealable: true },
          phone: masked("…0001"),
        },
      }),
      events: [track("Order Completed", "2026-12-01T08:00:00.000Z", { total: 42, reason: masked("…dress") })],
    });
    expect(text).toBe(
      ["Customer: name unknown", "Just happened:", "- Order Completed, 1 Dec 2026, 08:00 UTC ($42.00)"].join("\n"),
    );
    for (const hint of ["…ace", "…ess", "…0001", "…dress", "masked"]) expect(text).not.toContain(hint);
  });

  it("says when nothing important happened, and says nothing about events not loaded yet", () => {
    const s = summary({ traits: { first_name: "Grace", last_name: "Hopper" }, computed_traits: { plan: "free" } });
    expect(buildSummaryText({ summary: s, events: [] })).toBe(
      "Customer: Grace Hopper\nPlan: free\nJust happened: nothing important in the last 14 days.",
    );
    expect(buildSummaryText({ summary: s, events: undefined })).toBe("Customer: Grace Hopper\nPlan: free");
  });

  it("skips a plan that is not plain text and names a page or screen event by its type", () => {
    const text = buildSummaryText({
      summary: summary({ traits: { name: "Ada", plan: { tier: "gold" } } }),
      events: [{ type: "page", timestamp: "not a date" }],
    });
    expect(text).toBe("Customer: Ada\nJust happened:\n- page");
    expect(formatUtc("2026-01-05T23:59:59Z")).toBe("5 Jan 2026, 23:59 UTC");
  });
});
