import { describe, expect, it } from "vitest";
import { toSafeCallbackPath, toSafeRedirect } from "./callback-url";

describe("sign-in callback URLs (no open redirect)", () => {
  it.each(["/", "/profiles/users/user_id%3Au1", "/embed?id=email:a"])("keeps the same-origin path %s", (path) => {
    expect(toSafeCallbackPath(path)).toBe(path);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "",
    undefined,
  ])("replaces %s with /", (path) => {
    expect(toSafeCallbackPath(path)).toBe("/");
  });

  it("reduces next-auth redirects to our own origin", () => {
    expect(toSafeRedirect("/x", "http://app")).toBe("http://app/x");
    expect(toSafeRedirect("http://app/y?z=1", "http://app")).toBe("http://app/y?z=1");
    expect(toSafeRedirect("https://evil.example/", "http://app")).toBe("http://app");
  });
});
