// Generated hostile input against the built app (issue 14): a few thousand identifiers (odd characters, escapes good and
// bad, double encoding, dot segments, huge values) and query strings (unknown, repeated, special keys, odd values).
// Whatever comes in: never a 500, and every upstream call stays under the asked profile's own path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng, type Rng } from "@/simulator/seed/rng";
import { SIM_DEFAULTS, SEED_IDS } from "@/simulator/seed-ids";
import { type Stack, startStack } from "./harness";

const REQUESTS = 2_000;
const CONCURRENCY = 16;
/** Bounded in time whatever the machine: the requests not sent by then are skipped (at least 1,000 must have been). */
const TIME_LIMIT_MS = 60_000;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    simRateLimit: 0,
    appEnv: { PROFILE_API_RATE_LIMIT: "2000", PROFILE_API_DEADLINE_MS: "3000" },
  });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng.next() * items.length)] as T;

const PIECES = [
  "a",
  "Z",
  "0",
  "_",
  ".",
  "..",
  "/",
  "\\",
  "?",
  "#",
  "%",
  "%2",
  "%ZZ",
  "%25",
  "%2e%2e",
  "%2F",
  "+",
  " ",
  ":",
  ";",
  "&",
  "=",
  "@",
  "ü",
  "日本",
  "😀",
  "\u0000",
  "\u001f",
  "\u2028",
  "'",
  '"',
  "<script>",
  "${x}",
  "__proto__",
  "constructor",
  "\r\n",
];
const TYPES = [
  "user_id",
  "email",
  "anonymous_id",
  "phone",
  "ios.idfa",
  "group_id",
  "User_Id",
  "1bad",
  "",
  "a".repeat(300),
  "type with space",
  "x-y",
];
const COLLECTIONS = ["users", "accounts", "Users", "groups", "..", "%2e%2e", "users%2F..", ""];
const RESOURCES = ["", "traits", "external_ids", "events", "metadata", "links", "nope", "traits/extra"];
const QUERY_KEYS = [
  "limit",
  "next",
  "class",
  "include",
  "exclude",
  "verbose",
  "start",
  "end",
  "sort",
  "__proto__",
  "constructor",
  "toString",
  "LIMIT",
  "x",
  "",
];
const QUERY_VALUES = [
  "1",
  "0",
  "-1",
  "200",
  "201",
  "1e3",
  "true",
  "yes",
  "asc",
  "audience",
  "a,b,,c",
  "",
  "%",
  "%ZZ",
  "2026-01-01",
  "9999-99-99",
  "x".repeat(3000),
  "\u0000",
];

function randomValue(rng: Rng): string {
  if (rng.next() < 0.1) return "v".repeat(900 + Math.floor(rng.next() * 300));
  const count = 1 + Math.floor(rng.next() * 6);
  return Array.from({ length: count }, () => pick(rng, PIECES)).join("");
}

/** Characters that cannot go raw in a request line, or would end the path (the rest stays raw on purpose). */
function needsEscapeInPath(c: string): boolean {
  return c.charCodeAt(0) <= 0x20 || c === "\u2028" || c === "#" || c === "?" || c === "/" || c === "\\";
}

/** The id segment: mostly encoded as the BFF's callers do, sometimes raw, double-encoded or cut. */
function encodeSegment(rng: Rng, id: string): string {
  const roll = rng.next();
  if (roll < 0.6) return encodeURIComponent(id);
  if (roll < 0.7) return encodeURIComponent(encodeURIComponent(id));
  if (roll < 0.85) return [...id].map((c) => (needsEscapeInPath(c) ? encodeURIComponent(c) : c)).join("");
  return encodeURIComponent(id).slice(0, -1);
}

function randomQuery(rng: Rng): string {
  if (rng.next() < 0.4) return "";
  const count = 1 + Math.floor(rng.next() * 3);
  const parts = Array.from({ length: count }, () => {
    const value = pick(rng, QUERY_VALUES);
    return `${pick(rng, QUERY_KEYS)}=${rng.next() < 0.7 ? encodeURIComponent(value) : [...value].filter((c) => !needsEscapeInPath(c)).join("")}`;
  });
  return `?${parts.join("&")}`;
}

/** The identifier the app is asked for: the path segment decoded once (as Next.js does), if it decodes. */
type Case = { path: string; asked?: string };

function decodeOnce(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function generateCase(rng: Rng): Case {
  const known = [SEED_IDS.ada.userId, SEED_IDS.weird.userId, SEED_IDS.quiet.userId];
  const id =
    rng.next() < 0.1 ? pick(rng, known) : `${pick(rng, TYPES)}${rng.next() < 0.9 ? ":" : ""}${randomValue(rng)}`;
  const resource = pick(rng, RESOURCES);
  const prefix = rng.next() < 0.1 ? "/profiles" : "/api/profiles";
  const segment = encodeSegment(rng, id);
  const path = `${prefix}/${pick(rng, COLLECTIONS)}/${segment}${resource ? `/${resource}` : ""}${randomQuery(rng)}`;
  return { path, asked: decodeOnce(segment) };
}

/** The identifier an upstream path names, decoded once as the Profile API does; undefined when the path is not a profile route. */
function upstreamIdentifier(rawPath: string): string | undefined {
  const segments = rawPath.split("/");
  const ok =
    segments.length === 9 &&
    segments[1] === "v1" &&
    segments[2] === "spaces" &&
    segments[3] === SIM_DEFAULTS.spaceId &&
    segments[4] === "collections" &&
    (segments[5] === "users" || segments[5] === "accounts") &&
    segments[6] === "profiles" &&
    ["traits", "external_ids", "events", "metadata", "links"].includes(segments[8] ?? "");
  if (!ok) return undefined;
  return decodeOnce(segments[7] ?? "");
}

describe("fuzzed identifiers and query strings", () => {
  it(`up to ${REQUESTS} generated requests: no 500, and no upstream call outside the profile's own path`, async () => {
    const rng = createRng(20261203);
    const cases = Array.from({ length: REQUESTS }, () => generateCase(rng));
    const started = Date.now();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    async function worker(): Promise<void> {
      while (next < cases.length && Date.now() - started < TIME_LIMIT_MS) {
        const { path } = cases[next++] as Case;
        let status: number;
        try {
          const res = await fetch(`${stack.appUrl}${path}`, {
            headers: { Cookie: stack.session },
            redirect: "manual",
            signal: AbortSignal.timeout(15_000),
          });
          await res.arrayBuffer();
          status = res.status;
          if (status >= 400 && !res.headers.get("x-content-type-options"))
            failures.push(`${status} without security headers: ${path.slice(0, 200)}`);
        } catch (error) {
          // fetch itself refuses some addresses (it validates URLs); those never reached the app.
          if (error instanceof TypeError && /URL|url|Invalid/.test(String(error.message))) continue;
          failures.push(`no answer (${String(error)}): ${path.slice(0, 200)}`);
          continue;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 500 || status === 501 || status === 505) failures.push(`${status}: ${path.slice(0, 200)}`);
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
    expect(next).toBeGreaterThanOrEqual(1_000);
    expect(failures.slice(0, 20)).toEqual([]);

    // Every upstream call names, decoded once, an identifier some request asked for, under a known resource.
    const asked = new Set(cases.map((c) => c.asked));
    const stray = stack.sim.recentPaths().filter((rawPath) => {
      const id = upstreamIdentifier(rawPath);
      return id === undefined || !asked.has(id);
    });
    expect(stray.slice(0, 10)).toEqual([]);
    expect(stack.sim.recentPaths().length).toBeGreaterThan(50);
    console.log(
      `fuzz: ${next} requests in ${Date.now() - started} ms, statuses ${JSON.stringify(Object.fromEntries(statuses))}, upstream calls ${stack.sim.recentPaths().length}`,
    );
  }, 120_000);
});
