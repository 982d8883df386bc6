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
export async function measurePageJs(pageUrl: string, cookie?: string): Promise<{ bytesGzip: number; files: number; status: number }> {
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

/**
 * Writes the blank Next.js app the /embed figure is compared with: same installed packages
 * (node_modules symlinked), a root layout and a page that render nothing. Turbopack refuses
 * files outside its root, so the root is "/" (the symlink leads into this repository).
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
  writeFileSync(join(dir, "app", "page.jsx"), "export default function Page() { return null; }\n");
}

/**
 * Milliseconds from navigation start until every `texts` entry is visible, measured by the
 * page's own clock (performance.now() counts from the navigation's time origin). Median of `runs`.
 */
export async function timeToVisible(options: { url: string; cookie: string; texts: string[]; runs: number }): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    // The session cookie is `__Secure-` prefixed: Chromium keeps it on http://localhost only when
    // it is marked Secure (localhost counts as a secure context). `__Host-` cookies (CSRF) are not needed to read.
    const domain = new URL(options.url).hostname;
    const cookies = options.cookie
      .split("; ")
      .filter((pair) => !pair.startsWith("__Host-"))
      .map((pair) => {
        const eq = pair.indexOf("=");
        return { name: pair.slice(0, eq), value: pair.slice(eq + 1), domain, path: "/", secure: true, httpOnly: true, sameSite: "Lax" as const };
      });
    const times: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const context = await browser.newContext();
      await context.addCookies(cookies);
      const page = await context.newPage();
      // The page notes the moment every text is rendered itself (a MutationObserver from the document's start), so
      // Playwright's polling and round trips are not part of the figure.
      await page.addInitScript((texts: string[]) => {
        const w = window as unknown as { __visibleAt?: number };
        const check = () => {
          if (w.__visibleAt === undefined && document.body && texts.every((t) => document.body.innerText.includes(t))) {
            w.__visibleAt = performance.now();
            observer.disconnect();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      }, options.texts);
      await page.goto(options.url, { waitUntil: "commit" });
      for (const text of options.texts) await page.getByText(text, { exact: false }).first().waitFor({ state: "visible", timeout: 15_000 });
      const noted = await page.evaluate(() => (window as unknown as { __visibleAt?: number }).__visibleAt);
      times.push(noted ?? (await page.evaluate(() => performance.now())));
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}
