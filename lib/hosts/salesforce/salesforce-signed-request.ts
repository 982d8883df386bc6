import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Agent } from "@/lib/auth/agent";

/**
 * What we read of a Canvas envelope. `issuedAt` is deliberately not read: Salesforce's own example has `null`, older
 * guides call it the time the OAuth token was issued (hours old), the current one "for internal use only".
 * `client.oauthToken` and `client.instanceUrl` are read only for the optional liveness check (salesforce-oauth-check.ts)
 * and never stored, logged or sent to the browser.
 */
const envelopeSchema = z.object({
  algorithm: z.string(),
  client: z
    .object({
      targetOrigin: z.string().optional(),
      instanceId: z.string().optional(),
      instanceUrl: z.string().optional(),
      oauthToken: z.string().optional(),
    })
    .passthrough()
    .optional(),
  context: z.object({
    user: z.object({
      userName: z.string().optional(),
      fullName: z.string().optional(),
      email: z.string().optional(),
      /** The Salesforce profile (e.g. `00e...`), mapped to a role with ROLE_MAP. */
      profileId: z.string().optional(),
    }),
    environment: z
      .object({
        record: z
          .object({ attributes: z.object({ type: z.string() }).passthrough() })
          .catchall(z.unknown())
          .optional(),
      })
      .passthrough()
      .optional(),
  }),
});

export type CanvasEnvelope = z.infer<typeof envelopeSchema>;
export type SalesforceVerification =
  { ok: true; agent: Agent; envelope: CanvasEnvelope } | { ok: false; reason: string };

export type SalesforceSettings = { consumerSecret: string };

/** Decodes standard or URL-safe base64, with or without padding; null when it is neither. */
export function decodeBase64Any(value: string): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) return null;
  return Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}

function agentOf(envelope: CanvasEnvelope): Agent | null {
  const { fullName, userName, email } = envelope.context.user;
  const name = (fullName ?? userName ?? "").trim().slice(0, 80);
  if (!name || /[\p{Cc}\u2028\u2029]/u.test(name)) return null;
  return { name, source: "salesforce", ...(email?.includes("@") ? { email } : {}) };
}

/**
 * Verifies a Canvas `signed_request` (`<base64 HMAC-SHA256>.<base64 JSON envelope>`): the HMAC is computed over the
 * still-encoded envelope with the consumer secret and compared in constant time; the envelope must say HMACSHA256.
 * Whatever `issuedAt` holds is accepted: replay is bounded by the OAuth token's liveness (salesforce-oauth-check.ts).
 */
export function verifySignedRequest(signedRequest: string, settings: SalesforceSettings): SalesforceVerification {
  const parts = signedRequest.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: "not <signature>.<envelope>" };
  const [encodedSignature, encodedEnvelope] = parts as [string, string];
  const given = decodeBase64Any(encodedSignature);
  const expected = createHmac("sha256", settings.consumerSecret).update(encodedEnvelope, "utf8").digest();
  if (!given || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "signature mismatch" };
  }
  let parsed: CanvasEnvelope;
  try {
    const json: unknown = JSON.parse((decodeBase64Any(encodedEnvelope) ?? Buffer.alloc(0)).toString("utf8"));
    const result = envelopeSchema.safeParse(json);
    if (!result.success) return { ok: false, reason: "envelope shape" };
    parsed = result.data;
  } catch {
    return { ok: false, reason: "envelope is not JSON" };
  }
  if (parsed.algorithm !== "HMACSHA256") return { ok: false, reason: "algorithm is not HMACSHA256" };
  const agent = agentOf(parsed);
  if (!agent) return { ok: false, reason: "no usable user name" };
  return { ok: true, agent, envelope: parsed };
}
