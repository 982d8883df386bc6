/**
 * /embed's total JavaScript: every script the page loads in Chromium — the HTML's own, then what loads after the
 * first screen (lazy panels) — and, after an event is expanded, anything that loads on demand. Sizes are gzip level 9
 * of each file, as for the first-load figure.
 */
import { gzipSync } from "node:zlib";
import { launchChromium, toBrowserCookies } from "./frontend";

export async function measureTotalJs(pageUrl: string, cookie: string): Promise<{ bytesGzip: number; files: number }> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    await context.addCookies(toBrowserCookies(cookie, new URL(pageUrl).hostname));
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.add(response.url());
    });
    await page.goto(pageUrl, { waitUntil: "networkidle", timeout: 30_000 });
    const event = page.getByTestId("timeline-event").first().getByRole("button");
    await event.waitFor({ state: "visible", timeout: 15_000 });
    await event.click();
    await page.waitForLoadState("networkidle", { timeout: 15_000 });
    let bytesGzip = 0;
    for (const url of scripts) {
      const js = await fetch(url, { headers: { cookie } });
      bytesGzip += gzipSync(Buffer.from(await js.arrayBuffer()), { level: 9 }).length;
    }
    await context.close();
    return { bytesGzip, files: scripts.size };
  } finally {
    await browser.close();
  }
}
