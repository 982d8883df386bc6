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
    expect(isAllowedZendeskOrigin("https://acme.zendesk.com", [])).toBe(true);
    expect(isAllowedZendeskOrigin("https://acme.zendesk.com.evil.test", [])).toBe(false);
    expect(isAllowedZendeskOrigin("http://acme.zendesk.com", [])).toBe(false);
    expect(isAllowedZendeskOrigin("http://127.0.0.1:4420", ["http://127.0.0.1:4420"])).toBe(true);
  });
});
