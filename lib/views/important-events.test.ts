import { describe, expect, it } from "vitest";
import type { ProfileEvent } from "@/lib/core/api-types";
import { importantDetail, importantTone, isImportantEvent } from "./important-events";

const event = (name: string, properties: ProfileEvent["properties"] = {}): ProfileEvent => ({
  type: "track",
  event: name,
  properties,
  timestamp: "2026-12-03T14:00:00Z",
});

describe("important events", () => {
  it("says what happened in one line: amount, reason, priority", () => {
    expect(importantDetail(event("Payment Failed", { amount: 299, currency: "USD", reason: "card_declined" }))).toBe(
      "$299.00 · card declined",
    );
    expect(
      importantDetail(
        event("Support Ticket Opened", { subject: "Billing question", priority: "high", ticket_id: "ZD-1" }),
      ),
    ).toBe("Billing question · high priority");
    expect(importantDetail(event("Order Completed", { total: 20, currency: "EUR" }))).toBe("€20.00");
  });

  it("tells trouble from good news, and matches names exactly", () => {
    expect(importantTone("Payment Failed")).toBe("danger");
    expect(importantTone("Subscription Cancelled")).toBe("danger");
    expect(importantTone("Order Completed")).toBe("accent");
    const names = new Set(["Payment Failed"]);
    expect(isImportantEvent(event("Payment Failed"), names)).toBe(true);
    expect(isImportantEvent(event("payment failed"), names)).toBe(false);
    expect(isImportantEvent({ ...event("Payment Failed"), type: "page" }, names)).toBe(false);
  });
});
