import "server-only";
import { getConfig } from "@/lib/config";
import { formatIdentifier } from "@/lib/core/identifiers";
import { mintHandoffCode } from "@/lib/auth/handoff-code";
import { sealRecordContext } from "@/lib/auth/record-context";
import { buildHostSessionCookie, hostSignInRefused, logHostSignIn, redirectWithSession } from "@/lib/auth/host-session";
import { parseFieldMapping, pickRecordIdentifier } from "./salesforce-record";
import { verifySignedRequest } from "./salesforce-signed-request";

/**
 * Salesforce Canvas's POST: verify `signed_request`, mint the session, and 303 to the sidebar for the record's customer
 * (SALESFORCE_RECORD_FIELD_MAPPING). Nothing of the envelope reaches the browser but the chosen identifier, and that
 * only sealed in `ctx` (lib/auth/record-context.ts: a customer's e-mail must not sit in a URL, browser history or a
 * proxy's access log); the Salesforce OAuth token in it is dropped here.
 */
export async function signInFromSalesforce(request: Request): Promise<Response> {
  const config = getConfig();
  if (!config.SALESFORCE_CANVAS_CONSUMER_SECRET) {
    logHostSignIn("salesforce", "refused", "Salesforce is not configured (SALESFORCE_CANVAS_CONSUMER_SECRET)");
    return hostSignInRefused();
  }
  const form = await request.formData().catch(() => null);
  const signedRequest = form?.get("signed_request");
  if (typeof signedRequest !== "string" || !signedRequest) {
    logHostSignIn("salesforce", "refused", "no signed_request form field");
    return hostSignInRefused();
  }
  const result = verifySignedRequest(signedRequest, {
    consumerSecret: config.SALESFORCE_CANVAS_CONSUMER_SECRET,
    maxAgeSeconds: config.SALESFORCE_MAX_AGE_SECONDS,
  });
  if (!result.ok) {
    logHostSignIn("salesforce", "refused", result.reason);
    return hostSignInRefused();
  }
  logHostSignIn("salesforce", "ok");
  const mapping = parseFieldMapping(config.SALESFORCE_RECORD_FIELD_MAPPING);
  const identifier = pickRecordIdentifier(result.envelope.context.environment?.record, mapping.ok ? mapping.rules : []);
  const query = new URLSearchParams();
  if (identifier) {
    query.set(
      "ctx",
      await sealRecordContext(formatIdentifier(identifier), result.agent, "salesforce", config.AUTH_SECRET),
    );
  }
  // The one-time hand-off code (lib/auth/handoff-code.ts): the session for a browser that keeps no cookie for us.
  query.set("code", await mintHandoffCode(result.agent, "salesforce", config.AUTH_SECRET));
  return redirectWithSession(
    `/embed/salesforce/sidebar?${query.toString()}`,
    await buildHostSessionCookie(result.agent),
  );
}
