/**
 * Debian's packages for the real servers the tests and the bench start (Chromium, Redis, Postgres): installed with
 * apt-get when missing and running as root, otherwise a message saying how. Runs under /tmp/apt.lock, and checks
 * `dpkg -s` again under it, so test files and scripts started at the same time install a package once, one at a time.
 */
import { execFileSync } from "node:child_process";

/**
 * `find()`'s path (a binary, a bin folder), installing `pkg` first when it finds nothing. Throws, saying what to run,
 * when it cannot install (not root) or the install did not bring what `find` looks for.
 */
export function aptInstall(pkg: string, find: () => string | undefined): string {
  const found = find();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${pkg} is not installed and this is not running as root: run \`sudo apt-get update && sudo apt-get install -y ${pkg}\``,
    );
  }
  const install =
    `dpkg -s ${pkg} >/dev/null 2>&1 || ` +
    `(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg})`;
  execFileSync("flock", ["/tmp/apt.lock", "sh", "-c", install], { stdio: "inherit", timeout: 600_000 });
  const installed = find();
  if (!installed) throw new Error(`apt-get install ${pkg} finished but what it should have brought is missing`);
  return installed;
}
