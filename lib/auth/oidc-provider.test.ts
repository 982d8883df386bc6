import { describe, expect, it } from "vitest";
import { isAllowedEmail, isAllowedOidcProfile } from "./oidc-provider";

const domains = ["acme.test"];

describe("OIDC sign-in gate", () => {
  it("lets anyone in when no domain list is configured", () => {
    expect(isAllowedOidcProfile({ email: "x@else.test", email_verified: false }, [])).toBe(true);
  });

  it("refuses an allowed domain the provider says is unverified", () => {
    expect(isAllowedOidcProfile({ email: "mallory@acme.test", email_verified: false }, domains)).toBe(false);
    expect(isAllowedOidcProfile({ email: "mallory@acme.test", email_verified: "false" }, domains)).toBe(false);
  });

  it("accepts a verified or unstated address on an allowed domain, and nothing else", () => {
    expect(isAllowedOidcProfile({ email: "ada@ACME.test", email_verified: true }, domains)).toBe(true);
    expect(isAllowedOidcProfile({ email: "ada@acme.test", email_verified: "true" }, domains)).toBe(true);
    expect(isAllowedOidcProfile({ email: "ada@acme.test" }, domains)).toBe(true);
    expect(isAllowedOidcProfile({ email: "ada@evil.test", email_verified: true }, domains)).toBe(false);
    expect(isAllowedOidcProfile({ email_verified: true }, domains)).toBe(false);
    expect(isAllowedOidcProfile(undefined, domains)).toBe(false);
  });

  it("matches the domain exactly", () => {
    expect(isAllowedEmail("a@sub.acme.test", domains)).toBe(false);
    expect(isAllowedEmail("a@acme.test.evil", domains)).toBe(false);
    expect(isAllowedEmail("@acme.test", domains)).toBe(false);
  });
});
