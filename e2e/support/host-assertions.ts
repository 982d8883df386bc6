/**
 * Host assertions built the way Zendesk and Salesforce build them, with the keys the e2e app was configured with
 * (playwright.config.ts): the tests go through the real verifiers, never around them.
 */
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { importPKCS8, SignJWT } from "jose";
import { e2eEnv } from "../../playwright.config";

export type ZendeskClaims = Record<string, unknown>;

export const zendeskClaims = (overrides: ZendeskClaims = {}): ZendeskClaims => ({
  iss: "acme.zendesk.com",
  sub: "zd-agent-1",
  name: "Zoe Zendesk",
  email: "zoe@acme.test",
  aud: e2eEnv.zendeskAudience,
  iat: Math.floor(Date.now() / 1000),
  exp: Math.floor(Date.now() / 1000) + 300,
  // Zendesk signs a new token at every load, and the app takes each token once: two launches in the same second
  // must not be byte-identical tokens.
  jti: randomUUID(),
  ...overrides,
});

/** RS256 with the installation's private key (or another one, to test a wrong key). */
export async function signZendeskToken(claims = zendeskClaims(), privateKeyPem = String(e2eEnv.zendeskPrivateKey)) {
  const key = await importPKCS8(privateKeyPem, "RS256");
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT" }).sign(key);
}

export function otherPrivateKey(): string {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
}

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** `alg: none` with the same claims: an unsigned token. */
export const unsignedZendeskToken = () => `${b64url({ alg: "none", typ: "JWT" })}.${b64url(zendeskClaims())}.`;

/** HS256 keyed with the PUBLIC key (the classic algorithm-confusion attack). */
export async function hs256WithPublicKey(publicKeyPem: string) {
  return new SignJWT(zendeskClaims()).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(publicKeyPem));
}

export function canvasEnvelope(overrides: Record<string, unknown> = {}, record: Record<string, unknown> = {}) {
  return {
    algorithm: "HMACSHA256",
    issuedAt: Date.now(),
    userId: "005xx",
    client: {
      oauthToken: "00Dxx!SALESFORCE-USER-TOKEN",
      instanceId: "e2e",
      targetOrigin: "https://acme.my.salesforce.com",
    },
    context: {
      user: { userId: "005xx", userName: "rita@acme.test", fullName: "Rita Rep", email: "rita@acme.test" },
      organization: { organizationId: "00Dxx", name: "Acme" },
      environment: {
        displayLocation: "Visualforce",
        record: { attributes: { type: "Contact" }, Id: "003xx", ...record },
      },
    },
    ...overrides,
  };
}

/** `<base64 HMAC-SHA256(secret, encodedEnvelope)>.<base64 envelope>`, standard base64 like Salesforce sends. */
export function signCanvasRequest(envelope: unknown, secret = e2eEnv.salesforceSecret): string {
  const encoded = Buffer.from(JSON.stringify(envelope)).toString("base64");
  return `${createHmac("sha256", secret).update(encoded).digest("base64")}.${encoded}`;
}
