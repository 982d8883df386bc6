/**
 * Front-end budget figures: JavaScript a page makes the browser download (gzip), and time from
 * navigation to the profile being visible in headless Chromium.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

/**
 * Sum of the gzip sizes of every external <script src> the page's HTML references: the
 * JavaScript a first visit downloads (inline RSC payload scripts are data, not counted).
 */
export async function measurePageJs(
  pageUrl: string,
  cookie?: string,
): Promise<{ bytesGzip: number; files: number; status: number }> {
  const headers = cookie ? { cookie } : undefined;
  const res = await fetch(pageUrl, { headers, redirect: "manual" });
  const html = await res.text();
  // Modern browsers skip `nomodule` scripts (legacy polyfills), so they are not counted either.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const srcs = new Set(tags.map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? "").filter(Boolean));
  let bytesGzip = 0;
  for (const src of srcs) {
    const js = await fetch(new URL(src.replace(/&amp;/g, "&"), pageUrl), { headers });
    bytesGzip += gzipSync(Buffer.from(await js.arrayBuffer()), { level: 9 }).length;
  }
  return { bytesGzip, files: srcs.size, status: res.status };
}

/** What the blank page shows. */
export const BLANK_PAGE_TEXT = "Blank";

/**
 * Writes the blank Next.js app the /embed figure is compared with: same installed packages
 * (node_modules symlinked), a root layout and a page that renders one word and no JavaScript of its own. Turbopack
 * refuses files outside its root, so the root is "/" (the symlink leads into this repository).
 */
export function writeBlankApp(dir: string, nodeModules: string): void {
  mkdirSync(join(dir, "app"), { recursive: true });
  symlinkSync(nodeModules, join(dir, "node_modules"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "blank", private: true, type: "module" }));
  writeFileSync(join(dir, "next.config.mjs"), 'export default { turbopack: { root: "/" } };\n');
  writeFileSync(
    join(dir, "app", "layout.jsx"),
    'export default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n',
  );
  // One word in <main> (a server component: no JavaScript of its own), so its time to visible can be taken too.
  writeFileSync(
    join(dir, "app", "page.jsx"),
    `export default function Page() { return <main>${BLANK_PAGE_TEXT}</main>; }\n`,
  );
}

/** One visit: the texts that mean "visible", and optionally Chromium's CPU slowed down (a slow laptop). */
export type Visit = { url: string; texts: string[]; cpuThrottle?: number };

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * The session cookie is `__Secure-` prefixed: Chromium keeps it on http://localhost only when it is marked Secure
 * (localhost counts as a secure context). `__Host-` cookies (CSRF) are not needed to read.
 */
export function toBrowserCookies(cookie: string, domain: string) {
  return cookie
    .split("; ")
    .filter((pair) => pair !== "" && !pair.startsWith("__Host-"))
    .map((pair) => {
      const eq = pair.indexOf("=");
      return {
        name: pair.slice(0, eq),
        value: pair.slice(eq + 1),
        domain,
        path: "/",
        secure: true,
        httpOnly: true,
        sameSite: "Lax" as const,
      };
    });
}

/**
 * For each visit in order, milliseconds from navigation start until every `texts` entry is visible, measured by the
 * page's own clock (performance.now() counts from the navigation's time origin). One browser for all visits, a fresh
 * context (no cookies but the session, empty HTTP cache) for each.
 */
export async function timeToVisible(options: { cookie: string; visits: Visit[] }): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const cookies = toBrowserCookies(options.cookie, new URL(options.visits[0]?.url ?? "http://localhost").hostname);
    const times: number[] = [];
    for (const visit of options.visits) {
      const context = await browser.newContext();
      await context.addCookies(cookies);
      const page = await context.newPage();
      // DevTools' CPU throttling (as its Performance panel does): every task of the renderer runs N times slower.
      if (visit.cpuThrottle)
        await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: visit.cpuThrottle });
      // The page notes the moment itself, so Playwright's polling and round trips are not part of the figure: a
      // MutationObserver from the document's start sees the texts arrive in <main> (textContent: no forced layout, and
      // the inline RSC payload, which holds the same texts, lives outside <main>), then the next animation frame is the
      // one that paints them, and nothing is painted before the first contentful paint (CSS still loading).
      await page.addInitScript((texts: string[]) => {
        const w = window as unknown as { __inDomAt?: number; __frameAt?: number };
        const observer = new MutationObserver(() => {
          const main = document.querySelector("main")?.textContent ?? "";
          if (w.__inDomAt !== undefined || !texts.every((t) => main.includes(t))) return;
          w.__inDomAt = performance.now();
          observer.disconnect();
          requestAnimationFrame(() => (w.__frameAt = performance.now()));
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
      }, visit.texts);
      await page.goto(visit.url, { waitUntil: "commit" });
      for (const text of visit.texts)
        await page.getByText(text, { exact: false }).first().waitFor({ state: "visible", timeout: 15_000 });
      await page.waitForFunction(() => (window as unknown as { __frameAt?: number }).__frameAt !== undefined, null, {
        timeout: 15_000,
      });
      const noted = await page.evaluate(() => {
        const frameAt = (window as unknown as { __frameAt?: number }).__frameAt ?? performance.now();
        const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
        return Math.max(frameAt, fcp);
      });
      times.push(noted);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}
