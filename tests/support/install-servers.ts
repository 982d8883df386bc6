// Vitest global setup: installs the real servers the tests start (Debian's `redis-server` and `postgresql`) once,
// before any test file runs. On a fresh machine an install takes minutes, far longer than a test hook should wait,
// and one install up front spares the test files from queueing on the apt lock one after another.
import { ensurePostgresBinaries } from "./postgres-server";
import { ensureRedisServer } from "./redis-server";

export default function installServers(): void {
  ensureRedisServer();
  ensurePostgresBinaries();
}
