/**
 * Makes sure Debian's Chromium is there for Playwright (browser downloads are impossible here): installed with apt-get
 * when missing and running as root; otherwise says how.
 */
import { existsSync } from "node:fs";
import { aptInstall } from "./apt-install";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

try {
  aptInstall("chromium", () => (existsSync(chromium) ? chromium : undefined));
} catch (error) {
  console.error(`Chromium not found at ${chromium}. ${(error as Error).message}`);
  process.exit(1);
}
