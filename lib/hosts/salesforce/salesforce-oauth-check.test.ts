import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowedInstanceOrigin, createOAuthTokenChecker } from "./salesforce-oauth-check";

const DEFAULT_HOSTS = ["*.my.salesforce.com", "*.salesforce.com", "*.force.com"];

describe("allowedInstanceOrigin", () => {
  it("admits Salesforce's own https hosts and nothing that merely looks like them", () => {
    expect(allowedInstanceOrigin("https://acme.my.salesforce.com", DEFAULT_HOSTS)).toBe(
      "https://acme.my.salesforce.com",
    );
    expect(allowedInstanceOrigin("https://na1.salesforce.com/x", DEFAULT_HOSTS)).toBe("https://na1.salesforce.com");
    for (const url of [
      "http://acme.my.salesforce.com", // clear text
      "https://acme.my.salesforce.com:8443", // odd port on a wildcard
      "https://salesforce.com.evil.test",
      "https://evilsalesforce.com",
      "https://salesforce.com", // the bare domain is not "*.salesforce.com"
      "https://user:pw@acme.my.salesforce.com",
      "http://127.0.0.1:9000", // loopback, but not listed
      "javascript:alert(1)",
      "not a url",
      undefined,
    ]) {
      expect(allowedInstanceOrigin(url, DEFAULT_HOSTS), String(url)).toBeNull();
    }
  });

  it("admits http only for a loopback host:port listed exactly", () => {
    expect(allowedInstanceOrigin("http://127.0.0.1:9000", ["127.0.0.1:9000"])).toBe("http://127.0.0.1:9000");
    expect(allowedInstanceOrigin("http://127.0.0.1:9001", ["127.0.0.1:9000"])).toBeNull();
    expect(allowedInstanceOrigin("http://org.example.test:9000", ["org.example.test:9000"])).toBeNull();
    expect(allowedInstanceOrigin("https://org.example.test:9000", ["org.example.test:9000"])).toBe(
      "https://org.example.test:9000",
    );
  });
});

/** A fake org on loopback: userinfo answers 200 for live tokens, 401 otherwise; counts its calls. */
const org = { live: new Set<string>(), calls: 0, status: 0, server: undefined as Server | undefined, url: "" };

beforeAll(async () => {
  org.server = createServer((request, response) => {
    org.calls += 1;
    const token = (request.headers.authorization ?? "").replace(/^Bearer /, "");
    if (request.url !== "/services/oauth2/userinfo") response.writeHead(404).end();
    else if (org.status) response.writeHead(org.status).end();
    else if (org.live.has(token))
      response.writeHead(200, { "Content-Type": "application/json" }).end('{"user_id":"005x"}');
    else response.writeHead(401).end('[{"errorCode":"INVALID_SESSION_ID"}]');
  });
  await new Promise<void>((resolve) => org.server?.listen(0, "127.0.0.1", resolve));
  org.url = `http://127.0.0.1:${(org.server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => org.server?.close(() => resolve())));

describe("createOAuthTokenChecker against a fake org", () => {
  const hosts = () => [new URL(org.url).host];

  it("accepts a live token, refuses a dead one, and caches only the yes for its TTL", async () => {
    let now = 1_000_000;
    const checker = createOAuthTokenChecker({ instanceHosts: hosts(), cacheTtlMs: 60_000, now: () => now });
    org.live = new Set(["live-token"]);
    org.calls = 0;
    expect(await checker.check(org.url, "live-token")).toEqual({ ok: true });
    expect(await checker.check(org.url, "dead-token")).toEqual({ ok: false, reason: "OAuth token is not alive" });
    expect(await checker.check(org.url, "dead-token")).toMatchObject({ ok: false });
    expect(org.calls).toBe(3);
    // Revoked: still accepted from the cache within the TTL (documented), refused after it.
    org.live.clear();
    expect(await checker.check(org.url, "live-token")).toEqual({ ok: true });
    expect(org.calls).toBe(3);
    now += 60_001;
    expect(await checker.check(org.url, "live-token")).toMatchObject({ ok: false });
    expect(org.calls).toBe(4);
  });

  it("refuses when the org errs, is unreachable or too slow, and never calls a host off the allowlist", async () => {
    const checker = createOAuthTokenChecker({ instanceHosts: hosts(), timeoutMs: 500 });
    org.live = new Set(["t"]);
    org.status = 503;
    expect(await checker.check(org.url, "t")).toEqual({ ok: false, reason: "the org's userinfo answered 503" });
    org.status = 0;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = createOAuthTokenChecker({ instanceHosts: [new URL(deadUrl).host] });
    expect(await unreachable.check(deadUrl, "t")).toEqual({ ok: false, reason: "the org's userinfo was unreachable" });

    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const slow = createOAuthTokenChecker({ instanceHosts: [new URL(silentUrl).host], timeoutMs: 200 });
    expect(await slow.check(silentUrl, "t")).toEqual({ ok: false, reason: "the org's userinfo timed out" });
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));

    org.calls = 0;
    expect(await checker.check("https://evil.example.test", "t")).toMatchObject({ ok: false });
    expect(await checker.check(org.url, undefined)).toMatchObject({ ok: false });
    expect(org.calls).toBe(0);
  });
});
