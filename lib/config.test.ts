import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, viewSettingsOf } from "./config";
import { DEFAULT_VIEW_SETTINGS } from "./views/view-settings";

const valid = {
  SEGMENT_SPACE_ID: "spa_demo",
  SEGMENT_ACCESS_TOKEN: "sim-token",
  AUTH_SECRET: "x".repeat(32),
  DEMO_PASSWORD: "demo",
};

function errorOf(env: Record<string, string | undefined>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("applies the documented defaults", () => {
    const config = parseConfig(valid);
    expect(config.profileApiBaseUrl).toBe("https://profiles.segment.com");
    expect(config.PROFILE_API_RATE_LIMIT).toBe(100);
    expect(config.PORT).toBe(3000);
    expect(config.SEGMENT_REGION).toBe("us");
    expect(config.ZENDESK_IDENTIFIER_ORDER).toEqual(["user_id", "email", "phone"]);
    expect(config.demoEnabled).toBe(true);
  });

  it("gives the agent views the same settings as their built-in defaults, and takes lists and codes", () => {
    expect(viewSettingsOf(parseConfig(valid))).toEqual(DEFAULT_VIEW_SETTINGS);
    const custom = viewSettingsOf(
      parseConfig({
        ...valid,
        SUMMARY_TRAITS: "plan, mrr",
        IMPORTANT_EVENTS: "Refund Issued",
        SUMMARY_CURRENCY: "EUR",
        DEFAULT_PHONE_COUNTRY: "GB",
      }),
    );
    expect(custom).toMatchObject({
      summaryTraits: ["plan", "mrr"],
      importantEvents: ["Refund Issued"],
      currency: "EUR",
      phoneCountry: "GB",
    });
    expect(errorOf({ ...valid, SUMMARY_CURRENCY: "dollars" })).toContain("SUMMARY_CURRENCY");
    expect(errorOf({ ...valid, DEFAULT_PHONE_COUNTRY: "usa" })).toContain("DEFAULT_PHONE_COUNTRY");
  });

  it("picks the EU host for region eu", () => {
    expect(parseConfig({ ...valid, SEGMENT_REGION: "eu" }).profileApiBaseUrl).toBe("https://profiles.euw1.segment.com");
  });

  it("lets PROFILE_API_URL override the region", () => {
    const config = parseConfig({ ...valid, SEGMENT_REGION: "eu", PROFILE_API_URL: "http://127.0.0.1:4010/" });
    expect(config.profileApiBaseUrl).toBe("http://127.0.0.1:4010");
  });

  it.each([
    ["http://127.0.0.1:4010/v1", "PROFILE_API_URL"],
    ["ftp://example.com", "PROFILE_API_URL"],
    ["http://user:pw@example.com", "PROFILE_API_URL"],
    ["not a url", "PROFILE_API_URL"],
  ])("rejects PROFILE_API_URL=%s with one line naming it", (value, name) => {
    const message = errorOf({ ...valid, PROFILE_API_URL: value });
    expect(message).toContain(name);
    expect(message).not.toContain("\n");
  });

  it("names every missing variable on one line", () => {
    const message = errorOf({ DEMO_PASSWORD: "demo" });
    expect(message).toMatch(/SEGMENT_SPACE_ID/);
    expect(message).toMatch(/SEGMENT_ACCESS_TOKEN/);
    expect(message).toMatch(/AUTH_SECRET/);
    expect(message).not.toContain("\n");
  });

  it.each([
    ["SEGMENT_REGION", "mars"],
    ["PORT", "70000"],
    ["PORT", "3000abc"],
    ["PROFILE_API_RATE_LIMIT", "0"],
    ["EMBED_ALLOWED_ORIGINS", "https://ok.example.com,https://bad.example.com/path"],
  ])("rejects %s=%s", (name, value) => {
    expect(errorOf({ ...valid, [name]: value })).toContain(name);
  });

  it("never echoes the access token in an error", () => {
    const message = errorOf({ ...valid, SEGMENT_ACCESS_TOKEN: "secret token with spaces" });
    expect(message).toContain("SEGMENT_ACCESS_TOKEN");
    expect(message).not.toContain("secret token");
  });

  it("refuses to start with no sign-in configured", () => {
    expect(errorOf({ ...valid, DEMO_PASSWORD: undefined })).toMatch(/no sign-in configured/);
  });

  it("requires the OIDC variables together", () => {
    expect(errorOf({ ...valid, OIDC_ISSUER: "https://id.example.com" })).toMatch(/OIDC_CLIENT_ID/);
  });

  it("records the audit trail unless AUDIT_ENABLED is exactly false, and names a bad value", () => {
    expect(parseConfig(valid).AUDIT_ENABLED).toBe(true);
    expect(parseConfig({ ...valid, AUDIT_ENABLED: "false" }).AUDIT_ENABLED).toBe(false);
    expect(errorOf({ ...valid, AUDIT_ENABLED: "no" })).toContain("AUDIT_ENABLED");
  });

  it("parses comma-separated lists", () => {
    const config = parseConfig({ ...valid, EMBED_ALLOWED_ORIGINS: "https://a.example.com, http://localhost:3001" });
    expect(config.EMBED_ALLOWED_ORIGINS).toEqual(["https://a.example.com", "http://localhost:3001"]);
  });
});

describe("embedding configuration", () => {
  it("defaults the Salesforce mapping and replay bound (token check off, Salesforce's own instance hosts)", () => {
    const config = parseConfig(valid);
    expect(config.SALESFORCE_RECORD_FIELD_MAPPING).toBe("Contact.Email=email,Lead.Email=email");
    expect(config.SALESFORCE_VERIFY_OAUTH_TOKEN).toBe(false);
    expect(config.SALESFORCE_INSTANCE_HOSTS).toEqual(["*.my.salesforce.com", "*.salesforce.com", "*.force.com"]);
    expect(parseConfig({ ...valid, SALESFORCE_VERIFY_OAUTH_TOKEN: "true" }).SALESFORCE_VERIFY_OAUTH_TOKEN).toBe(true);
  });

  it("names a malformed record field mapping, token-check switch or instance host list", () => {
    expect(errorOf({ ...valid, SALESFORCE_RECORD_FIELD_MAPPING: "Contact.Email" })).toContain(
      "SALESFORCE_RECORD_FIELD_MAPPING",
    );
    expect(errorOf({ ...valid, SALESFORCE_VERIFY_OAUTH_TOKEN: "yes" })).toContain("SALESFORCE_VERIFY_OAUTH_TOKEN");
    expect(errorOf({ ...valid, SALESFORCE_INSTANCE_HOSTS: "https://x.force.com" })).toContain(
      "SALESFORCE_INSTANCE_HOSTS",
    );
    expect(
      parseConfig({ ...valid, SALESFORCE_RECORD_FIELD_MAPPING: "Contact.External_Id__c=user_id, Lead.Email=email" })
        .SALESFORCE_RECORD_FIELD_MAPPING,
    ).toBe("Contact.External_Id__c=user_id, Lead.Email=email");
  });

  it("refuses a framing origin that is not an origin", () => {
    expect(errorOf({ ...valid, EMBED_ALLOWED_ORIGINS: "https://ok.example,*" })).toContain("EMBED_ALLOWED_ORIGINS");
  });
});
