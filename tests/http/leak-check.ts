import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { ROOT, type Stack } from "./harness";

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/** The token (as is, and as it travels in Basic auth) appears in no response, header, log line or static asset. */
export function assertNothingLeaked(stack: Stack): void {
  const needles = [stack.token, Buffer.from(`${stack.token}:`).toString("base64")];
  expect(stack.recorded.length).toBeGreaterThan(0);
  for (const needle of needles) {
    for (const r of stack.recorded) {
      expect(r.body.includes(needle), `body of ${r.url}`).toBe(false);
      expect(r.headers.includes(needle), `headers of ${r.url}`).toBe(false);
    }
    expect(stack.rawOutput().includes(needle), "app output").toBe(false);
  }
  const staticDir = path.join(ROOT, ".next", "static");
  let scanned = 0;
  for (const file of filesUnder(staticDir)) {
    const text = readFileSync(file, "latin1");
    scanned += 1;
    for (const needle of needles) expect(text.includes(needle), file).toBe(false);
    // The simulator's default token is what `npm run demo` runs with: it must not ship to browsers either.
    expect(text.includes("sim-token"), file).toBe(false);
  }
  expect(scanned).toBeGreaterThan(0);
}
