import { describe, expect, it } from "vitest";
import { DEFAULT_SECTION_LAYOUT, moveSection, parseSectionLayout, toggleSection } from "./section-layout";

describe("sidebar section layout", () => {
  it("starts agent-first with the identities folded", () => {
    expect(parseSectionLayout(null)).toEqual(DEFAULT_SECTION_LAYOUT);
    expect(DEFAULT_SECTION_LAYOUT.order.slice(0, 3)).toEqual(["just-happened", "timeline", "traits"]);
    expect(DEFAULT_SECTION_LAYOUT.collapsed).toContain("identities");
  });

  it("reads an old or damaged stored layout without losing a section", () => {
    const layout = parseSectionLayout(
      JSON.stringify({ order: ["identities", "gone", "identities"], collapsed: ["timeline", 3] }),
    );
    expect(layout.order[0]).toBe("identities");
    expect(layout.order).toHaveLength(DEFAULT_SECTION_LAYOUT.order.length);
    expect(layout.collapsed).toEqual(["timeline"]);
    expect(parseSectionLayout("{not json")).toEqual(DEFAULT_SECTION_LAYOUT);
  });

  it("toggles and moves, staying put at the ends", () => {
    expect(toggleSection(DEFAULT_SECTION_LAYOUT, "identities").collapsed).not.toContain("identities");
    expect(toggleSection(DEFAULT_SECTION_LAYOUT, "timeline").collapsed).toContain("timeline");
    expect(moveSection(DEFAULT_SECTION_LAYOUT, "timeline", -1).order.slice(0, 2)).toEqual([
      "timeline",
      "just-happened",
    ]);
    expect(moveSection(DEFAULT_SECTION_LAYOUT, "just-happened", -1)).toBe(DEFAULT_SECTION_LAYOUT);
  });
});
