/** The front-end half of the bench: /embed JavaScript vs a blank Next.js app, and time to a visible profile. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { SEED_IDS } from "../../simulator/seed-ids";
import type { App } from "./app";
import { measurePageJs, timeToVisible, writeBlankApp } from "./frontend";
import { startChild, waitForHealth } from "./processes";

/** gzip JS of a blank page built with the same Next.js/React (a temp app, built and served for this measurement). */
export async function measureBlankPageJs(port: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "bench-blank-next-"));
  try {
    writeBlankApp(dir, resolve("node_modules"));
    const build = spawnSync("node_modules/.bin/next", ["build"], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      timeout: 180_000,
    });
    if (build.status !== 0) throw new Error(`blank app build failed:\n${(build.stdout + build.stderr).slice(-2000)}`);
    const child = startChild(
      "blank app",
      "node_modules/.bin/next",
      ["start", "-p", String(port), "-H", "127.0.0.1"],
      {},
      dir,
    );
    try {
      await waitForHealth(child, `http://127.0.0.1:${port}/`);
      return (await measurePageJs(`http://127.0.0.1:${port}/`)).bytesGzip;
    } finally {
      await child.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureEmbed(app: App) {
  const path = `/embed?id=${encodeURIComponent(SEED_IDS.ada.userId)}`;
  const js = await measurePageJs(`${app.url}${path}`, app.cookie);
  if (js.status !== 200) throw new Error(`/embed answered HTTP ${js.status}`);
  // "Cold" is about Ada's data, not the server or the browser: a running server has rendered /embed before, so it
  // renders it once for another customer first (Next.js loads a route's code on its first request), and an agent's
  // browser has been running, so its first page (that other customer, whose data the server now holds) is timed on
  // its own row. Every visit still starts with an empty HTTP cache, so each downloads all the JavaScript.
  const quiet = `/embed?id=${encodeURIComponent(SEED_IDS.quiet.userId)}`;
  await fetch(`${app.url}${quiet}`, { headers: { cookie: app.cookie } }).then((r) => r.text());
  // An identity only the identity cards show, and a trait only the traits panel shows.
  const ada = { url: `${app.url}${path}`, texts: [SEED_IDS.ada.idfa.split(":")[1] ?? "", "Head of Analytics"] };
  const first = { url: `${app.url}${quiet}`, texts: ["Anonymous IDs", "marketing_opt_in"] };
  const [firstInBrowser, cold, ...warm] = await timeToVisible({
    cookie: app.cookie,
    visits: [first, ada, ada, ada, ada],
  });
  warm.sort((a, b) => a - b);
  return {
    embedJsGzip: js.bytesGzip,
    embedScripts: js.files,
    visibleFirstInBrowserMs: Math.round(firstInBrowser ?? 0),
    visibleColdMs: Math.round(cold ?? 0),
    visibleWarmMedianMs: Math.round(warm[Math.floor(warm.length / 2)] ?? 0),
  };
}
