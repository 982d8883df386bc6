// The JSON routes skip proxy.ts (issue 15): their security headers, sessions (cookie and bearer, verified once and
// cached for a few seconds) and log lines, over real HTTP against the built app.
import { randomBytes } from "node:crypto";
import { get } from "node:http";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE_NAME } from "@/lib/auth/cookies";
import { mintEmbedToken } from "@/lib/auth/embed-token";
import { SEED_IDS } from "@/simulator/seed-ids";
import { profilePath, type Stack, startStack } from "./harness";

const AUTH_SECRET = randomBytes(32).toString("hex");
const PARTNER = "https://partner.example.com";
const ada = SEED_IDS.ada.userId;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ appEnv: { AUTH_SECRET, EMBED_ALLOWED_ORIGINS: PARTNER } });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${stack.appUrl}${path}`, { redirect: "manual", ...init });
  await response.arrayBuffer();
  return response;
}

function expectSecurityHeaders(response: Response, label: string) {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp, label).toMatch(/frame-ancestors 'self' https:\/\/\*\.zendesk\.com /);
  expect(csp, label).toContain(PARTNER);
  expect(response.headers.get("x-content-type-options"), label).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), label).toBe("no-referrer");
  expect(response.headers.get("permissions-policy"), label).toContain("camera=()");
  expect(response.headers.get("x-frame-options"), label).toBeNull();
}

/** Polls `path` until it answers `status`; the elapsed milliseconds. Bounded. */
async function msUntilStatus(
  path: string,
  headers: Record<string, string>,
  status: number,
  maxMs: number,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    if ((await send(path, { headers })).status === status) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Infinity;
}

const sessionCookie = async (maxAge: number, secret = AUTH_SECRET) =>
  `${SESSION_COOKIE_NAME}=${await encode({ token: { name: "Cookie Agent", source: "standalone" }, secret, maxAge })}`;

describe("security headers of /api answers", () => {
  it("are on the JSON routes that skip the proxy, on success and on every error they answer", async () => {
    const cookie = stack.session;
    const cases: Array<[string, RequestInit, number]> = [
      ["/api/health", {}, 200],
      [profilePath("users", ada, "traits"), { headers: { cookie } }, 200],
      [profilePath("users", ada), { headers: { cookie } }, 200],
      [profilePath("users", ada, "metadata"), {}, 401],
      [profilePath("users", ada, "events", "limit=500"), { headers: { cookie } }, 400],
      ["/api/profiles/robots/user_id%3Ax", { headers: { cookie } }, 404],
      [profilePath("users", ada, "traits"), { method: "POST", headers: { cookie } }, 405],
      ["/api/health", { method: "OPTIONS" }, 405],
    ];
    for (const [path, init, status] of cases) {
      const response = await send(path, init);
      expect(response.status, `${init.method ?? "GET"} ${path}`).toBe(status);
      expectSecurityHeaders(response, `${init.method ?? "GET"} ${path}`);
      // JSON runs no script: nothing is allowed, so no nonce is needed (a nonce would mean the proxy ran).
      expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(response.headers.get("content-security-policy")).not.toContain("nonce-");
    }
  });

  it("are on the rest of /api too: next-auth, unknown paths and Next.js's own 404s", async () => {
    for (const path of [
      "/api/auth/csrf",
      "/api/auth/session",
      "/api/nope",
      "/api/profiles/users/user_id%3Ax/bogus",
      "/api/health/extra",
    ]) {
      const response = await send(path);
      expectSecurityHeaders(response, path);
      expect(response.headers.get("content-security-policy"), path).toMatch(/script-src 'self' 'nonce-/);
    }
  });
});

/** A GET as a browser sends it (gzip accepted), read raw: the encoding and length as they went over the wire. */
function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; encoding?: string; bytes: number }>((resolve, reject) => {
    const request = get(`${stack.appUrl}${path}`, { headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers["content-encoding"],
          bytes,
        }),
      );
    });
    request.on("error", reject);
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${path} timed out`)));
  });
}

describe("compression of /api answers", () => {
  it("sends small JSON answers as they are; compresses large ones for a browser", async () => {
    // Compressing a 300-byte answer costs a zlib stream per response and saves nothing (issue 15).
    for (const [path, headers, status] of [
      ["/api/health", {}, 200],
      [profilePath("users", ada, "metadata"), { cookie: stack.session }, 200],
      [profilePath("users", ada, "metadata"), {}, 401],
    ] as const) {
      const answer = await rawGet(path, headers);
      expect(answer.status, path).toBe(status);
      expect(answer.encoding, path).toBeUndefined();
      expect(answer.bytes, path).toBeLessThan(1024);
    }
    const events = await rawGet(profilePath("users", ada, "events", "limit=100"), { cookie: stack.session });
    expect(events.status).toBe(200);
    expect(events.encoding).toBe("gzip");
  });
});

describe("sessions on the JSON routes", () => {
  const path = profilePath("users", ada, "metadata");

  it("accept a next-auth session cookie and refuse one sealed with another secret", async () => {
    expect((await send(path, { headers: { cookie: await sessionCookie(600) } })).status).toBe(200);
    const foreign = await sessionCookie(600, randomBytes(32).toString("hex"));
    expect((await send(path, { headers: { cookie: foreign } })).status).toBe(401);
  });

  it("stop accepting a cookie when its session expires, even right after it was verified", async () => {
    const cookie = await sessionCookie(2);
    expect((await send(path, { headers: { cookie } })).status).toBe(200);
    // Expired at 2 s; next-auth's decode alone would accept it 15 s longer (clock tolerance), the cache up to 5 s.
    expect(await msUntilStatus(path, { cookie }, 401, 8_000)).toBeLessThan(3_500);
  });

  it("accept an embed bearer token, refuse a forged one, and stop accepting it when it expires", async () => {
    const agent = { name: "Bearer Agent", source: "zendesk" as const };
    const valid = await mintEmbedToken(agent, AUTH_SECRET);
    expect((await send(path, { headers: { authorization: `Bearer ${valid}` } })).status).toBe(200);
    const forged = await mintEmbedToken(agent, randomBytes(32).toString("hex"));
    expect((await send(path, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    const shortLived = await mintEmbedToken(agent, AUTH_SECRET, 2);
    expect((await send(path, { headers: { authorization: `Bearer ${shortLived}` } })).status).toBe(200);
    expect(await msUntilStatus(path, { authorization: `Bearer ${shortLived}` }, 401, 8_000)).toBeLessThan(3_500);
  });
});

describe("request log lines", () => {
  it("reach stdout for every request, also those answered just before a shutdown", async () => {
    // A route no other test here calls, so earlier lines still on their way cannot be miscounted.
    const route = "/api/profiles/:collection/:id/external_ids";
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        send(profilePath("users", ada, "external_ids"), { headers: { cookie: stack.session } }).then((r) => r.status),
      ),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    await stack.stop(); // SIGTERM right after the answers, without waiting for the lines
    const lines = stack.logLines().filter((l) => l.msg === "request" && l.route === route);
    expect(lines).toHaveLength(20);
    // 20 at once: the first misses and the rest join its call or hit the cache, in an order the test does not own.
    expect(lines.at(-1)).toMatchObject({ level: "info", method: "GET", route, status: 200 });
    expect(lines.at(-1)?.cache).toMatch(/^(HIT|MISS)$/);
    expect(lines.at(-1)?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
