// The BFF routes over real HTTP: the built app against the simulator, signed in through the real demo sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  EventsPage,
  ExternalIdsPage,
  LinksPage,
  MetadataResponse,
  ProfileSummary,
  TraitsPage,
} from "@/lib/core/api-types";
import { SEED_IDS, SIM_DEFAULTS } from "@/simulator/seed-ids";
import { assertNothingLeaked } from "./leak-check";
import { isOwnCursorUrl, profilePath, signIn, type Stack, startStack } from "./harness";

let stack: Stack;
const ada = SEED_IDS.ada.userId;

beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

type ErrorJson = { error: { code: string; message: string; request_id?: string } };
const errorOf = (json: unknown) => (json as ErrorJson).error;

describe("profile resources", () => {
  it("answers the summary of a seeded user with every part", async () => {
    const res = await stack.get(profilePath("users", ada));
    expect(res.status).toBe(200);
    const body = res.json as ProfileSummary;
    expect(body).toMatchObject({ collection: "users", id: ada, errors: {} });
    expect(Object.keys(body.traits ?? {}).length).toBeGreaterThan(0);
    expect(Object.values(body.audiences ?? {}).every((v) => typeof v === "boolean")).toBe(true);
    expect(Object.keys(body.computed_traits ?? {}).length).toBeGreaterThan(0);
    expect(body.external_ids?.map((e) => `${e.type}:${e.id as string}`)).toContain(SEED_IDS.ada.email);
    expect(body.metadata).toHaveProperty("created_at");
    expect(body.links?.length).toBeGreaterThanOrEqual(1);
  });

  it("serves traits, audiences, computed traits and verbose traits", async () => {
    const all = await stack.get(profilePath("users", ada, "traits", "limit=200"));
    expect(all.status).toBe(200);
    const audiences = (await stack.get(profilePath("users", ada, "traits", "class=audience"))).json as TraitsPage;
    expect(Object.values(audiences.traits).every((v) => typeof v === "boolean")).toBe(true);
    const computed = (await stack.get(profilePath("users", ada, "traits", "class=computed_trait&limit=200")))
      .json as TraitsPage;
    expect(Object.keys(computed.traits).length).toBeGreaterThan(0);
    const verbose = (await stack.get(profilePath("users", ada, "traits", "verbose=true"))).json as {
      traits: Record<string, unknown>;
    };
    for (const value of Object.values(verbose.traits)) expect(value).toHaveProperty("value");
  });

  it("pages through traits with our own cursor URLs until the last page", async () => {
    let next: string | undefined = profilePath("users", ada, "traits", "limit=2");
    const keys = new Set<string>();
    for (let page = 0; next && page < 200; page += 1) {
      const res = await stack.get(next);
      expect(res.status).toBe(200);
      const body = res.json as TraitsPage;
      Object.keys(body.traits).forEach((k) => keys.add(k));
      if (body.cursor?.url) {
        expect(isOwnCursorUrl(body.cursor.url, "users", "traits"), body.cursor.url).toBe(true);
        expect(body.cursor.url).not.toContain("u_ada");
        expect(body.cursor.url).toContain("limit=2");
      }
      next = body.cursor?.has_more ? body.cursor.url : undefined;
    }
    expect(next).toBeUndefined();
    const everything = (await stack.get(profilePath("users", ada, "traits", "limit=200"))).json as TraitsPage;
    expect(keys.size).toBe(Object.keys(everything.traits).length);
  });

  it("serves external ids, filtered by type", async () => {
    const res = await stack.get(profilePath("users", ada, "external_ids", "include=email"));
    expect(res.status).toBe(200);
    const body = res.json as ExternalIdsPage;
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((e) => e.type === "email")).toBe(true);
  });

  it("serves metadata and links for users and accounts", async () => {
    const metadata = (await stack.get(profilePath("users", ada, "metadata"))).json as MetadataResponse;
    expect(metadata.metadata.created_at).toBeTruthy();
    const links = (await stack.get(profilePath("users", ada, "links"))).json as LinksPage;
    expect(links.data.every((l) => l.to_collection === "accounts")).toBe(true);
    const acme = SEED_IDS.acme.groupId;
    for (const resource of ["", "traits", "external_ids", "events", "metadata"]) {
      expect((await stack.get(profilePath("accounts", acme, resource))).status, resource).toBe(200);
    }
    const users = (await stack.get(profilePath("accounts", acme, "links"))).json as LinksPage;
    expect(users.data.length).toBeGreaterThan(1);
    expect(users.data.every((l) => l.to_collection === "users")).toBe(true);
  });

  it("works for a phone number with a leading + and for a value that needs every kind of escaping", async () => {
    const phone = await stack.get(profilePath("users", SEED_IDS.ada.phone, "traits"));
    expect(phone.status).toBe(200);
    const weird = await stack.get(profilePath("users", SEED_IDS.weird.userId));
    expect(weird.status).toBe(200);
    expect((weird.json as ProfileSummary).id).toBe(SEED_IDS.weird.userId);
  });
});

describe("events", () => {
  const heavy = SEED_IDS.heavy.userId;
  const timestamps = (page: EventsPage) => page.data.map((e) => Date.parse(e.timestamp));

  it("sorts newest first by default and oldest first with sort=asc, within limit", async () => {
    const desc = (await stack.get(profilePath("users", heavy, "events", "limit=25"))).json as EventsPage;
    expect(desc.data).toHaveLength(25);
    expect(timestamps(desc)).toEqual([...timestamps(desc)].sort((a, b) => b - a));
    const asc = (await stack.get(profilePath("users", heavy, "events", "limit=25&sort=asc"))).json as EventsPage;
    expect(timestamps(asc)).toEqual([...timestamps(asc)].sort((a, b) => a - b));
  });

  it("filters by include, exclude, start and end", async () => {
    const sample = (await stack.get(profilePath("users", heavy, "events", "limit=100"))).json as EventsPage;
    const name = sample.data.find((e) => e.event)?.event ?? "";
    expect(name).not.toBe("");
    const included = (
      await stack.get(profilePath("users", heavy, "events", `include=${encodeURIComponent(name)}&limit=50`))
    ).json as EventsPage;
    expect(included.data.length).toBeGreaterThan(0);
    expect(included.data.every((e) => e.event === name)).toBe(true);
    const excluded = (
      await stack.get(profilePath("users", heavy, "events", `exclude=${encodeURIComponent(name)}&limit=100`))
    ).json as EventsPage;
    expect(excluded.data.some((e) => e.event === name)).toBe(false);
    const end = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const start = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const window = (await stack.get(profilePath("users", heavy, "events", `start=${start}&end=${end}&limit=100`)))
      .json as EventsPage;
    expect(window.data.length).toBeGreaterThan(0);
    for (const t of timestamps(window)) {
      expect(t).toBeGreaterThanOrEqual(Date.parse(start));
      expect(t).toBeLessThanOrEqual(Date.parse(end));
    }
  });

  it("follows next to the end of a long history, with no upstream host or space id in any cursor", async () => {
    let url: string | undefined = profilePath("users", heavy, "events", "limit=100");
    const seen = new Set<string>();
    let pages = 0;
    for (; url && pages < 300; pages += 1) {
      const res = await stack.get(url);
      expect(res.status).toBe(200);
      const body = res.json as EventsPage;
      body.data.forEach((e) => seen.add(e.message_id ?? ""));
      if (body.cursor?.url) {
        expect(body.cursor.url.startsWith("/api/profiles/users/")).toBe(true);
        expect(body.cursor.url).not.toContain(stack.sim.url);
        expect(body.cursor.url).not.toContain(SIM_DEFAULTS.spaceId);
      }
      url = body.cursor?.has_more ? body.cursor.url : undefined;
    }
    expect(url).toBeUndefined();
    expect(pages).toBeGreaterThan(10);
    expect(seen.size).toBeGreaterThan(1000);
  }, 120_000);

  it("answers an empty timeline for a profile without events", async () => {
    const res = await stack.get(profilePath("users", SEED_IDS.quiet.userId, "events"));
    expect(res.status).toBe(200);
    expect((res.json as EventsPage).data).toEqual([]);
  });
});

describe("validation and errors", () => {
  it.each([
    ["unknown profile", profilePath("users", "user_id:nobody-has-this-id", "traits"), 404, "not_found"],
    ["unknown profile (summary)", profilePath("users", "user_id:nobody-has-this-id"), 404, "not_found"],
    ["unknown parameter", profilePath("users", ada, "traits", "foo=1"), 400, "invalid_request_error"],
    ["limit above range", profilePath("users", ada, "events", "limit=101"), 400, "invalid_request_error"],
    ["limit below range", profilePath("users", ada, "traits", "limit=0"), 400, "invalid_request_error"],
    ["links limit above 20", profilePath("users", ada, "links", "limit=21"), 400, "invalid_request_error"],
    ["bad sort", profilePath("users", ada, "events", "sort=up"), 400, "invalid_request_error"],
    ["bad start", profilePath("users", ada, "events", "start=yesterday"), 400, "invalid_request_error"],
    ["bad class", profilePath("users", ada, "traits", "class=secret"), 400, "invalid_request_error"],
    ["identifier without type", profilePath("users", "u_ada", "traits"), 400, "invalid_request_error"],
    ["identifier with a bad type", profilePath("users", "User Id:u_ada", "traits"), 400, "invalid_request_error"],
    ["unknown collection", profilePath("users", ada, "traits").replace("/users/", "/people/"), 404, "not_found"],
  ])("%s → %s %s", async (_name, url, status, code) => {
    const res = await stack.get(url);
    expect(res.status).toBe(status);
    const error = errorOf(res.json);
    expect(error.code).toBe(code);
    expect(error.request_id).toBe(res.headers.get("x-request-id"));
    expect(res.text).not.toMatch(/\n\s+at /);
  });

  it("names the offending parameter", async () => {
    expect(errorOf((await stack.get(profilePath("users", ada, "traits", "foo=1"))).json).message).toContain("foo");
    expect(errorOf((await stack.get(profilePath("users", ada, "events", "limit=500"))).json).message).toContain(
      "limit",
    );
    expect(errorOf((await stack.get(profilePath("users", ada, "traits", "limit=1&limit=2"))).json).message).toContain(
      "limit",
    );
  });

  it("answers 401 JSON without a session, never a redirect", async () => {
    const res = await stack.get(profilePath("users", ada, "traits"), { signedIn: false });
    expect(res.status).toBe(401);
    expect(errorOf(res.json).code).toBe("authentication_error");
    const forged = await stack.get(profilePath("users", ada), {
      signedIn: false,
      headers: { Cookie: "__Secure-next-auth.session-token=forged" },
    });
    expect(forged.status).toBe(401);
  });

  it("refuses cross-site requests with 403 and never answers CORS", async () => {
    const crossSite = await stack.get(profilePath("users", ada, "traits"), {
      headers: { "Sec-Fetch-Site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    expect(errorOf(crossSite.json).code).toBe("forbidden");
    const foreign = await stack.get(profilePath("users", ada), { headers: { Origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const sameOrigin = await stack.get(profilePath("users", ada, "metadata"), {
      headers: { "Sec-Fetch-Site": "same-origin", Origin: stack.appUrl },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it("sets X-Request-Id, X-Cache and Cache-Control: private, no-store (no-transform when small)", async () => {
    const res = await stack.get(profilePath("users", ada, "traits"));
    // The Profile API's own Request-Id (the simulator's format), so support can trace the upstream call.
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    // A small answer also says no-transform, so it is sent as it is rather than gzipped (lib/bff/json-body.ts).
    expect(res.headers.get("cache-control")).toMatch(/^private, no-store(, no-transform)?$/);
    expect(res.headers.get("x-cache")).toMatch(/^(HIT|MISS)$/);
    const again = await stack.get(profilePath("users", ada, "traits"));
    expect(again.headers.get("x-cache")).toBe("HIT");
    // The UI's refresh: the contract says BYPASS (the cache was skipped and refilled), never MISS.
    const refreshed = await stack.get(profilePath("users", ada, "traits"), {
      headers: { "Cache-Control": "no-cache" },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get("x-cache")).toBe("BYPASS");
    const summary = await stack.get(profilePath("users", ada), { headers: { "Cache-Control": "no-cache" } });
    expect(summary.headers.get("x-cache")).toBe("BYPASS");
  });
});

describe("sign-in", () => {
  it("refuses a wrong demo password and clears the session cookie, partitioned or not, on sign-out", async () => {
    expect(await signIn(stack.appUrl, "Mallory", "wrong-password")).toBeNull();
    const csrf = await fetch(`${stack.appUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const response = await fetch(`${stack.appUrl}/api/auth/signout`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `${csrfCookie}; ${stack.session}` },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    const cleared = response.headers.getSetCookie().filter((c) => c.startsWith("__Secure-next-auth.session-token=;"));
    expect(cleared.some((c) => /Partitioned/.test(c))).toBe(true);
    expect(cleared.some((c) => !/Partitioned/.test(c))).toBe(true);
  });
});

describe("logs and secrets", () => {
  it("writes one JSON log line per API request, without identifier values, e-mails or the token", async () => {
    const apiRequests = stack.recorded.filter((r) => r.url.startsWith("/api/profiles/"));
    // Lines are written asynchronously (pino): wait, bounded, for the last request's line.
    const requestLines = () => stack.logLines().filter((l) => l.msg === "request");
    for (const until = Date.now() + 5_000; requestLines().length < apiRequests.length && Date.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const lines = requestLines();
    expect(lines).toHaveLength(apiRequests.length);
    for (const line of lines) {
      expect(line).toMatchObject({
        method: "GET",
        route: expect.stringMatching(/^\/api\/profiles\/:collection\/:id/) as string,
      });
      expect(typeof line.latency_ms).toBe("number");
      expect(typeof line.request_id).toBe("string");
    }
    expect(lines.some((l) => l.agent === "HTTP Tester")).toBe(true);
    const output = stack.rawOutput();
    for (const value of ["u_ada", "ada@example.com", "15550100001", "u_heavy", "acct_acme", "nobody-has-this-id"]) {
      expect(output).not.toContain(value);
    }
    expect(output).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });

  it("never shows the access token in a response, a header, a log line or the browser bundle", async () => {
    await assertNothingLeaked(stack);
  });
});
