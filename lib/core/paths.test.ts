import { describe, expect, it } from "vitest";
import { bffProfilePath, profilePath } from "./paths";

describe("paths", () => {
  it("puts the identifier in one encoded path segment of the BFF route", () => {
    expect(bffProfilePath("users", "phone:+1 555/0?#%", "events")).toBe(
      "/api/profiles/users/phone%3A%2B1%20555%2F0%3F%23%25/events",
    );
    expect(bffProfilePath("accounts", "group_id:g1")).toBe("/api/profiles/accounts/group_id%3Ag1");
    expect(bffProfilePath("users", "user_id:u1", "traits", new URLSearchParams({ limit: "5" }))).toBe(
      "/api/profiles/users/user_id%3Au1/traits?limit=5",
    );
  });

  it("puts the identifier in one encoded path segment of the page", () => {
    expect(profilePath("users", "user_id:we/ird?#%+ ..ü")).toBe(
      "/profiles/users/user_id%3Awe%2Fird%3F%23%25%2B%20..%C3%BC",
    );
  });
});
