// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import type { ProfileEvent } from "@/lib/core/api-types";
import { buildTimelineRows, eventTitle, filterByType, keyProperties, parseEventNames } from "./timeline-rows";

const ev = (type: string, timestamp: string, extra: Partial<ProfileEvent> = {}): ProfileEvent => ({
  type,
  timestamp,
  message_id: `${type}-${timestamp}`,
  ...extra,
});

describe("buildTimelineRows", () => {
  it("puts a day heading before each day's events, newest first", () => {
    const rows = buildTimelineRows([
      ev("track", "2026-11-20T15:00:00"),
      ev("identify", "2026-11-20T09:00:00"),
      ev("track", "2026-11-19T10:00:00"),
    ]);
    expect(rows.map((r) => r.kind)).toEqual(["day", "event", "event", "day", "event"]);
    expect(rows[0]).toMatchObject({ day: "2026-11-20" });
    expect(rows[3]).toMatchObject({ day: "2026-11-19" });
  });

  it("folds a run of three or more consecutive page views into one row", () => {
    const rows = buildTimelineRows([
      ev("page", "2026-11-20T15:03:00"),
      ev("page", "2026-11-20T15:02:00"),
      ev("page", "2026-11-20T15:01:00"),
      ev("track", "2026-11-20T15:00:00"),
      ev("page", "2026-11-20T14:59:00"),
      ev("page", "2026-11-20T14:58:00"),
    ]);
    expect(rows.map((r) => r.kind)).toEqual(["day", "pages", "event", "event", "event"]);
    const fold = rows[1];
    expect(fold?.kind === "pages" && fold.events).toHaveLength(3);
  });

  it("never folds page views across two days", () => {
    const rows = buildTimelineRows([
      ev("page", "2026-11-20T00:02:00"),
      ev("page", "2026-11-20T00:01:00"),
      ev("page", "2026-11-19T23:59:00"),
      ev("page", "2026-11-19T23:58:00"),
    ]);
    expect(rows.map((r) => r.kind)).toEqual(["day", "event", "event", "day", "event", "event"]);
  });
});

describe("event helpers", () => {
  it("filters by type, an empty selection keeping everything", () => {
    const events = [ev("track", "2026-11-20T10:00:00"), ev("page", "2026-11-20T09:00:00")];
    expect(filterByType(events, new Set())).toHaveLength(2);
    expect(filterByType(events, new Set(["page"])).map((e) => e.type)).toEqual(["page"]);
  });

  it("names page views by page and track calls by event", () => {
    expect(eventTitle(ev("page", "x", { properties: { name: "Pricing" } }))).toBe("Viewed page Pricing");
    expect(eventTitle(ev("track", "x", { event: "Order Completed" }))).toBe("Order Completed");
    expect(eventTitle(ev("alias", "x"))).toBe("Alias");
  });

  it("shows known scalar properties first and skips nested ones", () => {
    const props = keyProperties(
      ev("track", "x", { properties: { zeta: 1, nested: { a: 1 }, total: 99.5, order_id: "o1", empty: "" } }),
    );
    expect(props).toEqual([
      ["order_id", "o1"],
      ["total", "99.5"],
      ["zeta", "1"],
    ]);
  });

  it("parses comma lists of event names", () => {
    expect(parseEventNames(" Order Completed, ,Page Viewed,Order Completed ")).toEqual([
      "Order Completed",
      "Page Viewed",
    ]);
  });
});
