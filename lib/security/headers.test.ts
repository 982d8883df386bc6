import { describe, expect, it } from "vitest";
import { buildApiSecurityHeaders, buildSecurityHeaders } from "./headers";

describe("security headers", () => {
  const headers = buildSecurityHeaders("abc123", ["https://partner.example.com"]);
  const csp = headers["Content-Security-Policy"] ?? "";

  it("lets only ourselves, the hosts and configured origins frame the app", () => {
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(" ");
    expect(ancestors).toEqual([
      "'self'",
      "https://*.zendesk.com",
      "https://*.force.com",
      "https://*.salesforce.com",
      "https://*.visualforce.com",
      "https://*.salesforce-setup.com",
      "https://partner.example.com",
    ]);
    expect(headers).not.toHaveProperty("X-Frame-Options");
  });

  it("allows scripts only by nonce, never inline or eval", () => {
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
  });

  it("sets nosniff, no-referrer and a deny-by-default Permissions-Policy", () => {
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });
});

describe("security headers of JSON answers", () => {
  const headers = buildApiSecurityHeaders(["https://partner.example.com"]);
  const csp = headers["Content-Security-Policy"] ?? "";

  it("allow nothing to run or load, and keep the pages' framing allowlist", () => {
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/\*\.zendesk\.com .* https:\/\/partner\.example\.com$/);
  });

  it("carry the same other headers as pages", () => {
    const { "Content-Security-Policy": _pageCsp, ...pageRest } = buildSecurityHeaders("n", []);
    const { "Content-Security-Policy": _apiCsp, ...apiRest } = headers;
    expect(apiRest).toEqual(pageRest);
    expect(headers).not.toHaveProperty("X-Frame-Options");
  });
});
