import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { subdomainOfIssuer, verifyZendeskToken, type ZendeskSettings } from "./zendesk-token";

const AUDIENCE = "https://sidebar.example.com/embed/zendesk";
let settings: ZendeskSettings;
let privateKey: CryptoKey;
let otherPrivateKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  privateKey = pair.privateKey;
  otherPrivateKey = (await generateKeyPair("RS256")).privateKey;
  settings = { publicKeyPem: await exportSPKI(pair.publicKey), audience: AUDIENCE, allowedSubdomains: [] };
});

function sign(claims: Record<string, unknown> = {}, key = privateKey, exp: string | number = "5m") {
  const payload = {
    name: "Grace Agent",
    email: "grace@acme.test",
    iss: "acme.zendesk.com",
    sub: "zd-user-42",
    aud: AUDIENCE,
    ...claims,
  };
  return new SignJWT(JSON.parse(JSON.stringify(payload)) as Record<string, unknown>)
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(key);
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

describe("verifyZendeskToken", () => {
  it("accepts a token Zendesk signed for this installation and names the agent", async () => {
    const result = await verifyZendeskToken(await sign(), settings);
    expect(result).toEqual({
      ok: true,
      subdomain: "acme",
      agent: { name: "Grace Agent", email: "grace@acme.test", source: "zendesk" },
    });
  });

  it("falls back to sub when the token carries no name", async () => {
    const result = await verifyZendeskToken(await sign({ name: undefined }), settings);
    expect(result.ok && result.agent.name).toBe("zd-user-42");
  });

  it("refuses a tampered payload, another key, another audience, an expired token", async () => {
    const good = await sign();
    const [h, , s] = good.split(".");
    const tampered = `${h}.${b64({ iss: "acme.zendesk.com", sub: "admin", aud: AUDIENCE, exp: 9e9 })}.${s}`;
    expect((await verifyZendeskToken(tampered, settings)).ok).toBe(false);
    expect((await verifyZendeskToken(await sign({}, otherPrivateKey), settings)).ok).toBe(false);
    expect((await verifyZendeskToken(await sign({ aud: "https://evil.example" }), settings)).ok).toBe(false);
    const expired = await sign({}, privateKey, Math.floor(Date.now() / 1000) - 120);
    expect(await verifyZendeskToken(expired, settings)).toEqual({ ok: false, reason: "ERR_JWT_EXPIRED" });
  });

  it("refuses alg none and HS256 keyed with the public key (algorithm confusion)", async () => {
    const claims = { iss: "acme.zendesk.com", sub: "x", aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 300 };
    const none = `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
    expect((await verifyZendeskToken(none, settings)).ok).toBe(false);
    const hs = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(settings.publicKeyPem));
    expect((await verifyZendeskToken(hs, settings)).ok).toBe(false);
  });

  it("requires exp", async () => {
    const noExp = await new SignJWT({ name: "x" })
      .setProtectedHeader({ alg: "RS256" })
      .setIssuer("acme.zendesk.com")
      .setSubject("1")
      .setAudience(AUDIENCE)
      .sign(privateKey);
    expect((await verifyZendeskToken(noExp, settings)).ok).toBe(false);
  });

  it("enforces the subdomain allowlist against iss", async () => {
    const only = { ...settings, allowedSubdomains: ["globex"] };
    expect(await verifyZendeskToken(await sign(), only)).toEqual({
      ok: false,
      reason: "Zendesk subdomain not allowed",
    });
    expect((await verifyZendeskToken(await sign({ iss: "globex.zendesk.com" }), only)).ok).toBe(true);
    expect(await verifyZendeskToken(await sign({ iss: "globex.zendesk.com.evil.test" }), only)).toEqual({
      ok: false,
      reason: "iss is not a Zendesk account",
    });
    expect(await verifyZendeskToken(await sign({ iss: "https://globex.zendesk.com" }), only)).toMatchObject({
      ok: true,
      subdomain: "globex",
    });
  });

  it("without an allowlist, requires iss but not a *.zendesk.com form (EMBEDDING.md: only aud identifies the installation)", async () => {
    expect(await verifyZendeskToken(await sign({ iss: "https://zendesk.example/acct/1" }), settings)).toMatchObject({
      ok: true,
      subdomain: null,
    });
    expect((await verifyZendeskToken(await sign({ iss: undefined }), settings)).ok).toBe(false);
    expect((await verifyZendeskToken(await sign({ iss: "x", aud: "https://evil.example" }), settings)).ok).toBe(false);
  });

  it("reads the account from iss in either form", () => {
    expect(subdomainOfIssuer("acme.zendesk.com")).toBe("acme");
    expect(subdomainOfIssuer("https://acme.zendesk.com/")).toBe("acme");
    expect(subdomainOfIssuer("acme.zendesk.com.evil")).toBeNull();
    expect(subdomainOfIssuer(undefined)).toBeNull();
  });
});
