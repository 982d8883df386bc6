import { describe, expect, it } from "vitest";

// A zone away from UTC, so grouping by the UTC day instead of the agent's local day cannot pass unnoticed (Node
// re-reads TZ when it changes; this file runs in its own worker).
process.env.TZ = "America/Los_Angeles";

import { dayKey, formatDateTimeWithZone, formatDayHeading, formatRelativeTime } from "./format";
import { buildTimelineRows, rowDays } from "./timeline-rows";

// Local wall-clock times (no zone suffix): the grouping follows the agent's own calendar day, whatever TZ runs this.
const now = new Date(2026, 11, 3, 9, 30); // Thu 3 Dec 2026, 09:30 local

describe("day headings", () => {
  it("says Today, Yesterday, then weekday, day and month", () => {
    expect(formatDayHeading(dayKey(new Date(2026, 11, 3, 0, 5).toISOString()), now)).toBe("Today");
    expect(formatDayHeading(dayKey(new Date(2026, 11, 2, 23, 59).toISOString()), now)).toBe("Yesterday");
    expect(formatDayHeading(dayKey(new Date(2026, 10, 30, 12).toISOString()), now)).toBe("Mon 30 Nov");
  });

  it("groups by the local calendar day: 23:59 and 00:01 are two days", () => {
    const rows = buildTimelineRows([
      { type: "track", event: "B", timestamp: new Date(2026, 11, 3, 0, 1).toISOString(), message_id: "b" },
      { type: "track", event: "A", timestamp: new Date(2026, 11, 2, 23, 59).toISOString(), message_id: "a" },
    ]);
    expect(rows.filter((r) => r.kind === "day").map((r) => formatDayHeading(r.day, now))).toEqual([
      "Today",
      "Yesterday",
    ]);
    expect(rowDays(rows)).toEqual(["2026-12-03", "2026-12-03", "2026-12-02", "2026-12-02"]);
  });
});

describe("times", () => {
  it("reads relative, with the absolute time and a zone behind it", () => {
    expect(formatRelativeTime(new Date(2026, 11, 3, 9, 25).toISOString(), now)).toBe("5 min ago");
    expect(formatRelativeTime(new Date(2026, 11, 1, 9, 0).toISOString(), now)).toBe("2 days ago");
    expect(formatDateTimeWithZone("2026-12-03T09:25:00Z", "UTC")).toBe("3 Dec 2026, 09:25 UTC");
    expect(formatDateTimeWithZone("2026-12-03T09:25:00Z", "Europe/Paris")).toMatch(/^3 Dec 2026, 10:25 (CET|GMT\+1)$/);
  });
});
