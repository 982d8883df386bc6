import { describe, expect, it } from "vitest";
import { describeSignInError } from "./sign-in-errors";

describe("sign-in error messages", () => {
  it("says nothing without an error", () => {
    expect(describeSignInError(undefined)).toBeNull();
    expect(describeSignInError("")).toBeNull();
  });

  it("has a message for every next-auth code, and a plain fallback for others", () => {
    expect(describeSignInError("AccessDenied")).toMatch(/not allowed/);
    expect(describeSignInError("OAuthCallback")).toMatch(/did not complete/);
    expect(describeSignInError("OAuthSignin")).toMatch(/could not start/);
    expect(describeSignInError("Configuration")).toMatch(/administrator/);
    expect(describeSignInError("CredentialsSignin")).toMatch(/password/);
    expect(describeSignInError("toString")).toBe("Sign-in did not work. Try again.");
    expect(describeSignInError("<script>")).toBe("Sign-in did not work. Try again.");
  });
});
