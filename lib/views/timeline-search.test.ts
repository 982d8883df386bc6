import { describe, expect, it } from "vitest";
import type { ProfileEvent } from "@/lib/core/api-types";
import { describeSearch, EMPTY_SEARCH, isSearchActive, searchEvents, seenLabels } from "./timeline-search";

const track = (event: string, properties: ProfileEvent["properties"] = {}): ProfileEvent => ({
  type: "track",
  event,
  properties,
  timestamp: "2026-11-20T10:00:00Z",
  message_id: `m-${event}-${JSON.stringify(properties)}`,
});
const screen = (name: string): ProfileEvent => ({
  type: "screen",
  event: "Screen Viewed",
  properties: { name },
  timestamp: "2026-11-20T09:00:00Z",
  message_id: `s-${name}`,
});

const events = [
  track("Support Ticket Opened", { subject: "Refund", priority: "high" }),
  screen("Home"),
  screen("Settings"),
  track("Order Completed", { order_id: "o-991", total: 42 }),
];

const names = (list: ProfileEvent[]) => list.map((e) => e.properties?.name ?? e.event);

describe("searchEvents", () => {
  it("matches what the row shows, whatever the case", () => {
    expect(names(searchEvents(events, { text: "support ticket", label: null }))).toEqual(["Support Ticket Opened"]);
    expect(names(searchEvents(events, { text: "viewed screen home", label: null }))).toEqual(["Home"]);
  });

  it("matches the API's event name and the call type too", () => {
    expect(names(searchEvents(events, { text: "Screen Viewed", label: null }))).toEqual(["Home", "Settings"]);
    expect(names(searchEvents(events, { text: "SCREEN", label: null }))).toEqual(["Home", "Settings"]);
  });

  it("needs every word, in any order, and looks into key properties", () => {
    expect(names(searchEvents(events, { text: "ticket support", label: null }))).toEqual(["Support Ticket Opened"]);
    expect(names(searchEvents(events, { text: "o-991", label: null }))).toEqual(["Order Completed"]);
    expect(names(searchEvents(events, { text: "refund high", label: null }))).toEqual(["Support Ticket Opened"]);
    expect(searchEvents(events, { text: "refund low", label: null })).toEqual([]);
  });

  it("filters by the picked label exactly, combined with the text", () => {
    expect(names(searchEvents(events, { text: "", label: "Viewed screen Home" }))).toEqual(["Home"]);
    expect(searchEvents(events, { text: "settings", label: "Viewed screen Home" })).toEqual([]);
  });

  it("keeps everything when empty", () => {
    expect(searchEvents(events, { text: "   ", label: null })).toHaveLength(4);
    expect(isSearchActive({ text: "  ", label: null })).toBe(false);
    expect(isSearchActive({ text: "", label: "Home" })).toBe(true);
  });
});

describe("seenLabels", () => {
  it("lists each row label once with its count, most frequent first", () => {
    expect(seenLabels([...events, screen("Home")])).toEqual([
      { label: "Viewed screen Home", count: 2 },
      { label: "Order Completed", count: 1 },
      { label: "Support Ticket Opened", count: 1 },
      { label: "Viewed screen Settings", count: 1 },
    ]);
  });
});

describe("describeSearch", () => {
  it("names the text, the label, or both", () => {
    expect(describeSearch({ text: " x ", label: null })).toBe("x");
    expect(describeSearch({ ...EMPTY_SEARCH, label: "Order Completed" })).toBe("Order Completed");
    expect(describeSearch({ text: "o-1", label: "Order Completed" })).toBe("Order Completed: o-1");
  });
});
