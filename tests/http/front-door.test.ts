// What Next.js answers on its own (bad escapes, redirects, its 404s, a library's 500) and what a hostile client sends
// before any route runs: every answer carries the security headers, bad input gets a clear 4xx, bodies are bounded.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

/** Status, headers and body size of a request sent as is (fetch would normalise the address). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    headerBytes: number;
    text: string;
  }>((resolve, reject) => {
    const url = new URL(stack.appUrl);
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += text.length < 100_000 ? chunk : ""));
      res.on("end", () => {
        const headerBytes = res.rawHeaders.reduce((n, h) => n + h.length + 2, 0);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, headerBytes, text });
      });
    });
    req.setTimeout(20_000, () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["permissions-policy"]).toBeTruthy();
  const csp = String(headers["content-security-policy"] ?? "");
  expect(csp).toContain("frame-ancestors 'self' https://*.zendesk.com");
  expect(csp).toContain("form-action 'self'");
}

describe("malformed percent-escapes", () => {
  it.each([
    "/api/profiles/users/user_id%3A%ZZ/traits",
    "/api/profiles/users/user_id%3A%C0%AF/traits",
    "/api/profiles/users/%E0%80%80/traits",
    "/api/profiles/users/user_id%3Aa%",
  ])("%s → 400 JSON with the security headers and a log line", async (path) => {
    const res = await raw("GET", path, { Cookie: stack.session });
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toContain("application/json");
    const body = JSON.parse(res.text) as { error: { code: string; request_id: string } };
    expect(body.error.code).toBe("invalid_request_error");
    expect(res.headers["x-request-id"]).toBe(body.error.request_id);
    expectSecurityHeaders(res.headers);
    await expect
      .poll(() => stack.logLines().some((l) => l.request_id === body.error.request_id && l.status === 400))
      .toBe(true);
  });

  it("a page address with a bad escape → 400 with the security headers", async () => {
    const res = await raw("GET", "/profiles/users/user_id%3A%ZZ", { Cookie: stack.session });
    expect(res.status).toBe(400);
    expectSecurityHeaders(res.headers);
  });
});

describe("answers Next.js makes on its own", () => {
  it("a trailing-slash redirect carries the headers and does not balloon on a long address", async () => {
    const long = `/sign-in${"/a".repeat(5_000)}/`;
    const res = await raw("GET", long);
    expect([308, 404]).toContain(res.status);
    expectSecurityHeaders(res.headers);
    expect(res.headerBytes).toBeLessThan(long.length + 4_000);
    const short = await raw("GET", "/sign-in/");
    expect(short.status).toBe(308);
    expectSecurityHeaders(short.headers);
  });

  it("an address above 14 KB → 414; above Node's 16 KB header limit → 431; both with the headers", async () => {
    const res = await raw("GET", `/api/profiles/users/${"a".repeat(15_000)}/traits`);
    expect(res.status).toBe(414);
    expectSecurityHeaders(res.headers);
    const huge = await raw("GET", `/api/profiles/users/${"a".repeat(17_000)}/traits`);
    expect(huge.status).toBe(431);
    expectSecurityHeaders(huge.headers);
  });

  it("the /favicon.ico 404 cannot be framed by other sites", async () => {
    const res = await raw("GET", "/favicon.ico");
    expect(res.status).toBe(404);
    expectSecurityHeaders(res.headers);
  });

  it("GET of the demo sign-in callback → 405 JSON, not next-auth's 500", async () => {
    const res = await raw("GET", "/api/auth/callback/demo");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("POST");
    expectSecurityHeaders(res.headers);
  });

  it("HSTS only when served over https", async () => {
    expect(
      (await raw("GET", "/api/health", { "X-Forwarded-Proto": "https" })).headers["strict-transport-security"],
    ).toMatch(/max-age=\d{7,}/);
    expect((await raw("GET", "/api/health")).headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("request bodies", () => {
  it("a 100 MB POST to /embed/* is refused (413) from its Content-Length, without reading it", async () => {
    const started = performance.now();
    const res = await raw(
      "POST",
      "/embed/zendesk",
      { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(100 * 1024 * 1024) },
      Buffer.alloc(1024),
    );
    expect(res.status).toBe(413);
    expectSecurityHeaders(res.headers);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each(["/embed/salesforce", "/api/auth/callback/demo", "/api/auth/signout"])(
    "a chunked POST without a length to %s → 411",
    async (path) => {
      const res = await raw(
        "POST",
        path,
        { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
        Buffer.from("a=1"),
      );
      expect(res.status).toBe(411);
    },
  );
});
