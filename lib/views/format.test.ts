import { describe, expect, it } from "vitest";

// A zone away from UTC, so grouping by the UTC day instead of the agent's local day cannot pass unnoticed (Node
// re-reads TZ when it changes; this file runs in its own worker).
process.env.TZ = "America/Los_Angeles";

import { dayKey, formatDate, formatDateTimeWithZone, formatDayHeading, formatRelativeTime } from "./format";
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

describe("dates past 30 days", () => {
  // 23:56 UTC on 17 Oct is 01:56 on 18 Oct in Paris: the date shown must be the zone's, like the time beside it.
  const late = "2025-10-17T23:56:00Z";
  const now = new Date("2026-12-03T12:00:00Z");
  it("are shown in the zone asked for", () => {
    expect(formatRelativeTime(late, now, "UTC")).toBe("17 Oct 2025");
    expect(formatRelativeTime(late, now, "Europe/Paris")).toBe("18 Oct 2025");
  });
  it("a calendar date is the same day in every zone when read in UTC", () => {
    expect(formatDate("1990-05-01", "UTC")).toBe("1 May 1990");
  });
});
