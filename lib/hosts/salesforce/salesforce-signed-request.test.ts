import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEFAULT_RECORD_FIELD_MAPPING, parseFieldMapping, pickRecordIdentifier } from "./salesforce-record";
import { verifySignedRequest } from "./salesforce-signed-request";

const SECRET = "consumer-secret-for-tests";
const settings = { consumerSecret: SECRET, maxAgeSeconds: 300 };

function envelope(overrides: Record<string, unknown> = {}) {
  return {
    algorithm: "HMACSHA256",
    issuedAt: Date.now(),
    client: { oauthToken: "00Dxx!secret", instanceId: "i1", targetOrigin: "https://acme.my.salesforce.com" },
    context: {
      user: { userName: "rep@acme.test", fullName: "Rita Rep", email: "rep@acme.test" },
      environment: { record: { attributes: { type: "Contact" }, Id: "003x", Email: "ada@example.com" } },
    },
    ...overrides,
  };
}

function sign(body: unknown, secret = SECRET, urlSafe = false) {
  const encoded = Buffer.from(JSON.stringify(body)).toString(urlSafe ? "base64url" : "base64");
  const sig = createHmac("sha256", secret)
    .update(encoded)
    .digest(urlSafe ? "base64url" : "base64");
  return `${sig}.${encoded}`;
}

describe("verifySignedRequest", () => {
  it("accepts a fresh request in standard and URL-safe base64 and names the user", () => {
    for (const urlSafe of [false, true]) {
      const result = verifySignedRequest(sign(envelope(), SECRET, urlSafe), settings);
      expect(result.ok && result.agent).toEqual({ name: "Rita Rep", email: "rep@acme.test", source: "salesforce" });
    }
  });

  it("refuses a tampered envelope, another secret, another algorithm, a stale or future request", () => {
    const [sig] = sign(envelope()).split(".");
    const forged = `${sig}.${Buffer.from(JSON.stringify(envelope({ context: { user: { fullName: "Admin" } } }))).toString("base64")}`;
    expect(verifySignedRequest(forged, settings)).toEqual({ ok: false, reason: "signature mismatch" });
    expect(verifySignedRequest(sign(envelope(), "wrong-secret"), settings).ok).toBe(false);
    expect(verifySignedRequest(sign(envelope({ algorithm: "HMACSHA1" })), settings)).toEqual({
      ok: false,
      reason: "algorithm is not HMACSHA256",
    });
    expect(verifySignedRequest(sign(envelope({ issuedAt: Date.now() - 10 * 60_000 })), settings).ok).toBe(false);
    expect(verifySignedRequest(sign(envelope({ issuedAt: Date.now() + 10 * 60_000 })), settings).ok).toBe(false);
    expect(verifySignedRequest(sign(envelope({ issuedAt: undefined })), settings).ok).toBe(false);
  });

  it("refuses garbage without throwing", () => {
    for (const bad of ["", ".", "abc", "a.b.c", "!!!.###", `${"A".repeat(44)}.e30=`]) {
      expect(verifySignedRequest(bad, settings).ok).toBe(false);
    }
  });
});

describe("record field mapping", () => {
  const parsed = parseFieldMapping("Contact.External_Id__c=user_id, Contact.Email=email,Lead.Email=email");
  const rules = parsed.ok ? parsed.rules : [];

  it("picks the first configured field that holds a value", () => {
    const contact = { attributes: { type: "Contact" }, External_Id__c: "", Email: "ada@example.com" };
    expect(pickRecordIdentifier(contact, rules)).toEqual({ type: "email", value: "ada@example.com" });
    expect(pickRecordIdentifier({ ...contact, External_Id__c: "u_1" }, rules)).toEqual({
      type: "user_id",
      value: "u_1",
    });
    expect(pickRecordIdentifier({ attributes: { type: "Account" }, Email: "x@y.z" }, rules)).toBeNull();
    expect(pickRecordIdentifier(undefined, rules)).toBeNull();
  });

  it("rejects malformed rules and parses the default", () => {
    expect(parseFieldMapping("Contact.Email")).toEqual({ ok: false, entry: "Contact.Email" });
    expect(parseFieldMapping(DEFAULT_RECORD_FIELD_MAPPING).ok).toBe(true);
  });
});
