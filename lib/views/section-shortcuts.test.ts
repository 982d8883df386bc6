import { describe, expect, it } from "vitest";
import { readShortcut, SHORTCUT_SECTIONS } from "./section-shortcuts";

const none = { ctrl: false, meta: false, alt: false };

describe("readShortcut", () => {
  it("reads g then a section letter as a jump, and ? as the help", () => {
    expect(readShortcut("g", false, none, SHORTCUT_SECTIONS)).toEqual({ kind: "prefix" });
    expect(readShortcut("t", true, none, SHORTCUT_SECTIONS)).toEqual({ kind: "jump", section: "timeline" });
    expect(readShortcut("R", true, none, SHORTCUT_SECTIONS)).toEqual({ kind: "jump", section: "traits" });
    expect(readShortcut("?", false, none, SHORTCUT_SECTIONS)).toEqual({ kind: "help" });
  });

  it("ignores letters without the prefix, unknown letters, sections the view lacks and modified keys", () => {
    expect(readShortcut("t", false, none, SHORTCUT_SECTIONS)).toBeNull();
    expect(readShortcut("z", true, none, SHORTCUT_SECTIONS)).toBeNull();
    expect(readShortcut("m", true, none, SHORTCUT_SECTIONS.slice(0, 3))).toBeNull();
    expect(readShortcut("g", false, { ...none, ctrl: true }, SHORTCUT_SECTIONS)).toBeNull();
    expect(readShortcut("t", true, { ...none, alt: true }, SHORTCUT_SECTIONS)).toBeNull();
  });
});
