import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { SEED_IDS } from "@/simulator/seed-ids";
import { ROOT, type Stack } from "./harness";

/**
 * Two ways the Profile API token could reach a browser, and what catches each:
 * - at run time, a server component hands it to the page (a prop, an error message) or a log line prints it: the
 *   token this run's app was started with (`stack.token`) is searched in every recorded response, in the pages
 *   below, and in the app's output;
 * - at build time, something inlines it into a client bundle (a NEXT_PUBLIC_ alias, `env` in next.config, a
 *   string import). Config is read at run time, so the run-time token never exists during the build and cannot be
 *   found in `.next/static`; instead `npm run build` runs with SEGMENT_ACCESS_TOKEN set to the public canary in
 *   package.json (`config.buildCanaryToken`), and the bundle is searched for that canary. The build thus never sees
 *   a real token, and a mistake that would inline one inlines the canary, which this check finds.
 * The simulator's default token (`sim-token`, what `npm run demo` runs with) must not ship to browsers either.
 */

/** Pages a browser loads, server-rendered with the run-time configuration. */
const PAGES = ["/", "/sign-in", `/profiles/users/${encodeURIComponent(SEED_IDS.ada.userId)}`, "/embed"];

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

function buildCanaryToken(): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    config?: { buildCanaryToken?: string };
  };
  const canary = manifest.config?.buildCanaryToken;
  if (!canary) throw new Error("package.json has no config.buildCanaryToken: the bundle scan would search for nothing");
  return canary;
}

/** The token (as is, and as it travels in Basic auth) appears in no response, header, log line or static asset. */
export async function assertNothingLeaked(stack: Stack): Promise<void> {
  for (const page of PAGES) expect((await stack.get(page)).status, page).toBeLessThan(500);
  const runTime = [stack.token, Buffer.from(`${stack.token}:`).toString("base64")];
  for (const needle of runTime) {
    for (const r of stack.recorded) {
      expect(r.body.includes(needle), `body of ${r.url}`).toBe(false);
      expect(r.headers.includes(needle), `headers of ${r.url}`).toBe(false);
    }
    expect(stack.rawOutput().includes(needle), "app output").toBe(false);
  }
  const canary = buildCanaryToken();
  const buildTime = [...runTime, canary, Buffer.from(`${canary}:`).toString("base64"), "sim-token"];
  let scanned = 0;
  for (const file of filesUnder(path.join(ROOT, ".next", "static"))) {
    const text = readFileSync(file, "latin1");
    scanned += 1;
    for (const needle of buildTime) expect(text.includes(needle), `${needle} in ${file}`).toBe(false);
  }
  expect(scanned).toBeGreaterThan(0);
}
