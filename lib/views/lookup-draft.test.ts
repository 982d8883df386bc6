// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { saveLookupDraft, takeLookupDraft } from "./lookup-draft";

describe("lookup draft", () => {
  it("is read once, then gone", () => {
    saveLookupDraft(window.sessionStorage, "email:nobody@example.com");
    expect(takeLookupDraft(window.sessionStorage)).toBe("email:nobody@example.com");
    expect(takeLookupDraft(window.sessionStorage)).toBeNull();
  });
});
