import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Agent } from "@/lib/auth/agent";

/** What we read of a Canvas envelope; everything else (notably client.oauthToken) is ignored and never stored. */
const envelopeSchema = z.object({
  algorithm: z.string(),
  issuedAt: z.number().int().optional(),
  client: z.object({ targetOrigin: z.string().optional(), instanceId: z.string().optional() }).passthrough().optional(),
  context: z.object({
    user: z.object({
      userName: z.string().optional(),
      fullName: z.string().optional(),
      email: z.string().optional(),
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

export type SalesforceSettings = { consumerSecret: string; maxAgeSeconds: number; now?: () => number };

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
 * still-encoded envelope with the consumer secret and compared in constant time; the envelope must say HMACSHA256 and
 * have been issued within `maxAgeSeconds` (Salesforce documents no expiry, so replay is bounded here).
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
  const now = (settings.now ?? Date.now)();
  if (parsed.issuedAt === undefined || Math.abs(now - parsed.issuedAt) > settings.maxAgeSeconds * 1000) {
    return { ok: false, reason: "issuedAt missing or outside the freshness window" };
  }
  const agent = agentOf(parsed);
  if (!agent) return { ok: false, reason: "no usable user name" };
  return { ok: true, agent, envelope: parsed };
}
