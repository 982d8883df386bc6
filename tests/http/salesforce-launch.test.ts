// POST /embed/salesforce over real HTTP with the replay bound on: the built app asks a fake org on loopback whether
// the launch's OAuth token is alive (SALESFORCE_VERIFY_OAUTH_TOKEN), and Salesforce's documented example signs in.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import documentedExample from "@/tests/fixtures/salesforce-canvas-request-example.json";
import { type Stack, startStack } from "./harness";

const SECRET = "http-tests-consumer-secret";
const LIVE_TOKEN = "00Dx0000X00Or4J!LIVE-TOKEN";
let stack: Stack;
let org: Server;
let orgUrl = "";
let orgCalls = 0;

function sign(envelope: unknown, secret = SECRET): string {
  const encoded = Buffer.from(JSON.stringify(envelope)).toString("base64");
  return `${createHmac("sha256", secret).update(encoded).digest("base64")}.${encoded}`;
}

/** The documented example, launched from the fake org with `oauthToken`. */
const launchedFrom = (instanceUrl: string, oauthToken: string, extra: Record<string, unknown> = {}) => ({
  ...documentedExample,
  client: { ...documentedExample.client, instanceUrl, oauthToken },
  ...extra,
});

async function launch(signedRequest: string) {
  const response = await fetch(`${stack.appUrl}/embed/salesforce`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ signed_request: signedRequest }),
  });
  await response.text();
  return {
    status: response.status,
    cookie: response.headers.get("set-cookie") ?? "",
    location: response.headers.get("location"),
  };
}

beforeAll(async () => {
  org = createServer((request, response) => {
    orgCalls += 1;
    const alive =
      request.url === "/services/oauth2/userinfo" && request.headers.authorization === `Bearer ${LIVE_TOKEN}`;
    response
      .writeHead(alive ? 200 : 401, { "Content-Type": "application/json" })
      .end(alive ? '{"user_id":"005x"}' : "[]");
  });
  await new Promise<void>((resolve) => org.listen(0, "127.0.0.1", resolve));
  orgUrl = `http://127.0.0.1:${(org.address() as AddressInfo).port}`;
  stack = await startStack({
    appEnv: {
      SALESFORCE_CANVAS_CONSUMER_SECRET: SECRET,
      SALESFORCE_VERIFY_OAUTH_TOKEN: "true",
      SALESFORCE_INSTANCE_HOSTS: `*.my.salesforce.com,${new URL(orgUrl).host}`,
    },
  });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await new Promise<void>((resolve) => (org ? org.close(() => resolve()) : resolve()));
});

describe("Salesforce launches with SALESFORCE_VERIFY_OAUTH_TOKEN=true", () => {
  it("signs in the documented example (issuedAt: null) and ms/seconds/hours-old issuedAt when the token is alive", async () => {
    const twoHoursAgo = Date.now() - 2 * 3_600_000;
    for (const issuedAt of [null, twoHoursAgo, Math.floor(twoHoursAgo / 1000), undefined]) {
      const result = await launch(sign(launchedFrom(orgUrl, LIVE_TOKEN, { issuedAt })));
      expect(result.status, String(issuedAt)).toBe(303);
      expect(result.location).toMatch(/^\/embed\/salesforce\/sidebar\?code=/);
      expect(result.cookie).toContain("session-token=");
    }
  });

  it("refuses a dead token, an instance off the allowlist and the untouched example's http://…:8080 instance", async () => {
    const before = orgCalls;
    const refused = {
      "dead token": sign(launchedFrom(orgUrl, "00Dx0000X00Or4J!REVOKED")),
      "instance off the allowlist": sign(launchedFrom("https://attacker.example.test", LIVE_TOKEN)),
      "documented example as is": sign(documentedExample),
      "no token": sign(launchedFrom(orgUrl, "")),
    };
    for (const [name, signedRequest] of Object.entries(refused)) {
      const result = await launch(signedRequest);
      expect(result.status, name).toBe(401);
      expect(result.cookie, name).not.toContain("session-token");
    }
    expect(orgCalls - before).toBe(1); // only the dead token reached the (allowed) org
    const reasons = stack
      .logLines()
      .filter((l) => l.msg === "host sign-in" && l.outcome === "refused")
      .map((l) => l.reason);
    expect(reasons).toContain("OAuth token is not alive");
    expect(reasons).toContain("client.instanceUrl is not an allowed Salesforce instance");
    expect(stack.rawOutput()).not.toContain("REVOKED");
    expect(stack.rawOutput()).not.toContain(LIVE_TOKEN);
  });

  it("still refuses tampered, wrong-secret and wrong-algorithm requests before calling the org", async () => {
    const before = orgCalls;
    const [signature] = sign(launchedFrom(orgUrl, LIVE_TOKEN)).split(".");
    const forged = Buffer.from(JSON.stringify(launchedFrom(orgUrl, LIVE_TOKEN, { userId: "005OTHER" }))).toString(
      "base64",
    );
    const attacks = {
      tampered: `${signature}.${forged}`,
      "wrong secret": sign(launchedFrom(orgUrl, LIVE_TOKEN), "not-the-secret"),
      "wrong algorithm": sign(launchedFrom(orgUrl, LIVE_TOKEN, { algorithm: "HMACSHA1" })),
    };
    for (const [name, signedRequest] of Object.entries(attacks)) {
      const result = await launch(signedRequest);
      expect(result.status, name).toBe(401);
      expect(result.cookie, name).not.toContain("session-token");
    }
    expect(orgCalls).toBe(before);
  });
});
