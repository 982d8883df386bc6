// Every page except sign-in, and every route except /api/auth/* and /api/health, refuses an anonymous request.
// The routes are read from the app/ folder, so a route added later is covered without touching this file.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

test.use({ storageState: { cookies: [], origins: [] } });

const APP_DIR = path.resolve("app");
const PUBLIC = [/^\/sign-in$/, /^\/api\/auth(\/|$)/, /^\/api\/health$/];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** A concrete URL segment for each folder: groups vanish, dynamic segments get a plausible value. */
function toSegment(folder: string): string | null {
  if (/^\(.*\)$/.test(folder)) return null;
  if (folder === "[collection]") return "users";
  if (folder === "[id]") return encodeURIComponent("user_id:u_ada");
  if (folder.startsWith("[")) return "x";
  return folder;
}

type Entry = { url: string; kind: "page" | "route"; methods: string[] };

function walk(dir: string, segments: string[], out: Entry[]): void {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    if (item.isDirectory()) {
      if (item.name.startsWith("_")) continue; // private folders (_components) are not routes
      const segment = toSegment(item.name);
      walk(path.join(dir, item.name), segment === null ? segments : [...segments, segment], out);
    } else if (/^page\.(tsx|ts|jsx|js)$/.test(item.name)) {
      out.push({ url: `/${segments.join("/")}`, kind: "page", methods: ["GET"] });
    } else if (/^route\.(ts|js)$/.test(item.name)) {
      const source = readFileSync(path.join(dir, item.name), "utf8");
      const methods = METHODS.filter((m) =>
        new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b|as\\s+${m}\\b`).test(source),
      );
      out.push({ url: `/${segments.join("/")}`, kind: "route", methods });
    }
  }
}

const entries: Entry[] = [];
walk(APP_DIR, [], entries);
const guarded = entries.filter((e) => !PUBLIC.some((p) => p.test(e.url)));

test("the route tree was read", () => {
  expect(guarded.map((e) => e.url)).toEqual(expect.arrayContaining(["/", "/api/profiles/users/user_id%3Au_ada"]));
  expect(guarded.every((e) => e.methods.length > 0)).toBe(true);
});

/** Auditor-only (DESIGN §10): a 404 for everyone else, signed out included, so their existence is not announced. */
const AUDITORS_ONLY = ["/admin/audit", "/api/audit", "/api/audit.csv"];

/** Host frames (`/embed/<host>/sidebar`) never show a sign-in form: they say so and ask the host to reload. */
const HOST_FRAME = /^\/embed\/[^/]+\/sidebar$/;

for (const entry of guarded) {
  for (const method of entry.methods) {
    test(`${method} ${entry.url} refuses an anonymous request`, async ({ request, baseURL }) => {
      const response = await request.fetch(entry.url, { method, maxRedirects: 0 });
      const status = response.status();
      if (AUDITORS_ONLY.includes(entry.url)) {
        expect(status).toBe(404);
        expect(response.headers().location).toBeUndefined();
      } else if (entry.url.startsWith("/api/")) {
        // The BFF: 401 JSON for the browser code, never a redirect.
        expect(status).toBe(401);
        expect(response.headers()["content-type"]).toMatch(/^application\/json\b/);
        expect(await response.json()).toMatchObject({ error: { code: "authentication_error" } });
      } else if (entry.kind === "route") {
        // A host's sign-in endpoint (POST into its frame) without a valid launch: a 401 page that says so, no redirect.
        expect(status).toBe(401);
        expect(response.headers().location).toBeUndefined();
        expect(response.headers()["content-type"]).toMatch(/^text\/html\b/);
        expect(await response.text()).toContain("sign-in could not be verified.");
      } else if (HOST_FRAME.test(entry.url)) {
        expect(status).toBe(200);
        const html = await response.text();
        expect(html).toContain("You are not signed in to Profile Sidebar here.");
        expect(html).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
      } else {
        // Every other page: a temporary redirect to sign-in that brings the agent back to this very page.
        expect(status).toBe(307);
        const location = new URL(response.headers().location ?? "", baseURL);
        expect(location.pathname).toBe("/sign-in");
        const callback = new URL(location.searchParams.get("callbackUrl") ?? "", baseURL);
        if (entry.url.startsWith("/profiles/")) {
          // An address naming the identifier comes back as its handle form (DESIGN §10): sign-in never carries it.
          expect(callback.pathname).toMatch(/^\/profiles\/users\/h1\.[A-Za-z0-9_-]+$/);
          expect(location.search).not.toContain("u_ada");
        } else expect(callback.pathname).toBe(entry.url);
      }
    });
  }
}
