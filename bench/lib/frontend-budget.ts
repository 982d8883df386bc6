/** The front-end half of the bench: /embed JavaScript vs a blank Next.js app, and time to a visible profile. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { SEED_IDS } from "../../simulator/seed-ids";
import type { App } from "./app";
import { BLANK_PAGE_TEXT, measurePageJs, timeToVisible, writeBlankApp } from "./frontend";
import { measureTotalJs } from "./frontend-total";
import { startChild, waitForHealth } from "./processes";

/**
 * A blank page built with the same Next.js/React (a temp app, built and served for this measurement): its gzip JS, and
 * its navigation → visible (median of 3 fresh contexts), the floor this machine's Chromium and Next.js put under the
 * sidebar's own time to visible (the two are measured in the same run, so their ratio can be read on a busy machine).
 */
export async function measureBlankPage(port: number): Promise<{ jsGzip: number; visibleMs: number }> {
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
      const url = `http://127.0.0.1:${port}/`;
      await waitForHealth(child, url);
      const jsGzip = (await measurePageJs(url)).bytesGzip;
      const visit = { url, texts: [BLANK_PAGE_TEXT] };
      const times = (await timeToVisible({ cookie: "", visits: [visit, visit, visit, visit] })).slice(1);
      times.sort((a, b) => a - b);
      return { jsGzip, visibleMs: Math.round(times[1] ?? 0) };
    } finally {
      await child.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The sidebar's own address of a customer: `/embed?id=…` answers a redirect to its handle form (`/embed?h=…`, DESIGN
 * §10), which is what agents' browsers load, so that is what is timed (without the redirect's round trip).
 */
async function sidebarPath(app: App, id: string): Promise<string> {
  const answer = await fetch(`${app.url}/embed?id=${encodeURIComponent(id)}`, {
    headers: { cookie: app.cookie },
    redirect: "manual",
  });
  const location = answer.headers.get("location");
  if (answer.status !== 307 || !location) throw new Error(`/embed?id= answered HTTP ${answer.status}, not a redirect`);
  return new URL(location, app.url).pathname + new URL(location, app.url).search;
}

export async function measureEmbed(app: App) {
  const path = await sidebarPath(app, SEED_IDS.ada.userId);
  const js = await measurePageJs(`${app.url}${path}`, app.cookie);
  if (js.status !== 200) throw new Error(`/embed answered HTTP ${js.status}`);
  // "Cold" is about Ada's data, not the server or the browser: a running server has rendered /embed before, so it
  // renders it once for another customer first (Next.js loads a route's code on its first request), and an agent's
  // browser has been running, so its first page (that other customer, whose data the server now holds) is timed on
  // its own row. Every visit still starts with an empty HTTP cache, so each downloads all the JavaScript.
  const quiet = await sidebarPath(app, SEED_IDS.quiet.userId);
  await fetch(`${app.url}${quiet}`, { headers: { cookie: app.cookie } }).then((r) => r.text());
  // The first screen's answer (issue 11): the summary header (the name, the lifetime value only the summary formats
  // as money) and the failed payment under "Just happened" (identities are folded to one line in the sidebar now).
  const ada = { url: `${app.url}${path}`, texts: ["Ada Lovelace", "$4,749.00", "Payment Failed"] };
  const first = { url: `${app.url}${quiet}`, texts: ["Quinn Quiet"] };
  // A slow laptop: the same customer by e-mail (another identifier, so nothing cached: the BFF calls the simulator at
  // 50 ms), with every renderer task 4x slower; last, so its cache misses do not change the rows above.
  const adaByEmail = {
    url: `${app.url}${await sidebarPath(app, SEED_IDS.ada.email)}`,
    texts: ada.texts,
    cpuThrottle: 4,
  };
  const [firstInBrowser, cold, w1, w2, w3, throttled] = await timeToVisible({
    cookie: app.cookie,
    visits: [first, ada, ada, ada, ada, adaByEmail],
  });
  const warm = [w1, w2, w3].map((t) => t ?? 0).sort((a, b) => a - b);
  const total = await measureTotalJs(`${app.url}${path}`, app.cookie);
  return {
    embedJsGzip: js.bytesGzip,
    embedScripts: js.files,
    embedTotalJsGzip: total.bytesGzip,
    embedTotalScripts: total.files,
    visibleThrottledMs: Math.round(throttled ?? 0),
    visibleFirstInBrowserMs: Math.round(firstInBrowser ?? 0),
    visibleColdMs: Math.round(cold ?? 0),
    visibleWarmMedianMs: Math.round(warm[Math.floor(warm.length / 2)] ?? 0),
  };
}
