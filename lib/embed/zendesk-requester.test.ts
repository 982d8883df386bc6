import { describe, expect, it } from "vitest";
import { pickRequesterIdentifier, requesterHint } from "./zendesk-requester";
import { isAllowedZendeskOrigin } from "./host-origin";

const requester = {
  id: 7,
  email: "ada@example.com",
  externalId: "u_ada",
  identities: [{ type: "phone_number", value: "+15550100" }],
};

describe("pickRequesterIdentifier", () => {
  it("follows the configured order", () => {
    expect(pickRequesterIdentifier(requester, ["user_id", "email"])).toEqual({ type: "user_id", value: "u_ada" });
    expect(pickRequesterIdentifier(requester, ["phone", "email"])).toEqual({ type: "phone", value: "+15550100" });
    expect(pickRequesterIdentifier({ ...requester, externalId: null }, ["user_id", "email"])).toEqual({
      type: "email",
      value: "ada@example.com",
    });
  });

  it("returns null when the requester has none of the types, and hints what it has", () => {
    expect(pickRequesterIdentifier({ email: "x@y.z" }, ["user_id"])).toBeNull();
    expect(requesterHint({ email: "x@y.z" })).toBe("email:x@y.z");
    expect(pickRequesterIdentifier(null, ["email"])).toBeNull();
  });
});

describe("isAllowedZendeskOrigin", () => {
  it("allows Zendesk accounts and configured origins only", () => {
    const any = { extraOrigins: [] };
    expect(isAllowedZendeskOrigin("https://acme.zendesk.com", any)).toBe(true);
    expect(isAllowedZendeskOrigin("https://acme.zendesk.com.evil.test", any)).toBe(false);
    expect(isAllowedZendeskOrigin("http://acme.zendesk.com", any)).toBe(false);
    expect(isAllowedZendeskOrigin("http://127.0.0.1:4420", { extraOrigins: ["http://127.0.0.1:4420"] })).toBe(true);
  });

  it("with ZENDESK_ALLOWED_SUBDOMAINS, only those accounts' origins", () => {
    const policy = { extraOrigins: [], allowedSubdomains: ["acme", "Acme-Sandbox"] };
    expect(isAllowedZendeskOrigin("https://acme.zendesk.com", policy)).toBe(true);
    expect(isAllowedZendeskOrigin("https://acme-sandbox.zendesk.com", policy)).toBe(true);
    expect(isAllowedZendeskOrigin("https://evil.zendesk.com", policy)).toBe(false);
    expect(isAllowedZendeskOrigin("https://acmex.zendesk.com", policy)).toBe(false);
  });

  it("ties a Zendesk origin to the account the verified token's iss names", () => {
    const policy = { extraOrigins: ["http://127.0.0.1:4420"], allowedSubdomains: ["acme", "globex"] };
    expect(isAllowedZendeskOrigin("https://acme.zendesk.com", { ...policy, issuerSubdomain: "acme" })).toBe(true);
    expect(isAllowedZendeskOrigin("https://globex.zendesk.com", { ...policy, issuerSubdomain: "acme" })).toBe(false);
    expect(isAllowedZendeskOrigin("https://globex.zendesk.com", { extraOrigins: [], issuerSubdomain: "acme" })).toBe(
      false,
    );
    // An origin the operator listed in EMBED_ALLOWED_ORIGINS stays allowed (it names no account).
    expect(isAllowedZendeskOrigin("http://127.0.0.1:4420", { ...policy, issuerSubdomain: "acme" })).toBe(true);
  });
});
