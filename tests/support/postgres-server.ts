/**
 * A real, throwaway Postgres cluster for tests and the bench (DESIGN §10): Debian's `postgresql` package, installed when
 * missing (as root, under /tmp/apt.lock), a fresh `initdb` in a temp folder owned by the `postgres` user (Postgres
 * refuses to run as root), listening on 127.0.0.1 only at a free port, password auth over TCP, stopped by its PID.
 * Never the system's own cluster.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { aptInstall } from "../../scripts/apt-install";
import { getFreePort } from "./free-port";

const DEBIAN_ROOT = "/usr/lib/postgresql";

/** The newest installed server's bin folder (/usr/lib/postgresql/<major>/bin). */
function findBinDir(): string | undefined {
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const majors = readdirSync(DEBIAN_ROOT)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(DEBIAN_ROOT, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? path.join(DEBIAN_ROOT, majors[0], "bin") : undefined;
}

/** The server's bin folder, installing Debian's package first when it is missing. */
export function ensurePostgresBinaries(): string {
  // The package may start the system cluster on 5432; the tests never use it.
  return aptInstall("postgresql", findBinDir);
}

/** Root runs the server as `postgres` (it refuses root); anyone else runs it as themselves. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export type TestPostgres = {
  port: number;
  /** postgres://postgres:<password>@127.0.0.1:<port>/<database> */
  urlOf(database: string): string;
  /** A new, empty database; its URL. */
  createDatabase(name: string): Promise<string>;
  /** One SQL statement against a database (as the superuser), for tampering and inspection. */
  sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values?: unknown[]): Promise<T[]>;
  /** Stops the server (fast shutdown, by PID); the data folder stays, so `start()` brings the same data back. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  destroy(): Promise<void>;
  output(): string;
};

export type PostgresOptions = {
  /** fsync and synchronous commit as in production (the bench); tests run without them, for speed. */
  durable?: boolean;
};

export async function startPostgres(options: PostgresOptions = {}): Promise<TestPostgres> {
  const bin = ensurePostgresBinaries();
  const owner = runAs();
  const dir = mkdtempSync(path.join(tmpdir(), "test-postgres-"));
  const data = path.join(dir, "data");
  const password = randomBytes(12).toString("hex");
  writeFileSync(path.join(dir, "pwfile"), password);
  if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid ?? owner.uid);
  const port = await getFreePort();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "", LANG: "C", LC_ALL: "C", HOME: dir, NODE_ENV: "test" };
  execFileSync(
    path.join(bin, "initdb"),
    ["-D", data, "-U", "postgres", "-E", "UTF8", "--no-sync", "--auth-local=trust", "--auth-host=scram-sha-256"].concat(
      ["--pwfile", path.join(dir, "pwfile")],
    ),
    { ...owner, env, cwd: dir, stdio: "pipe", timeout: 120_000 },
  );
  const durability = options.durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off"];
  const args = [
    "-D",
    data,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    `unix_socket_directories=${dir}`,
  ].concat(["-c", "max_connections=60"], durability);
  let child: ChildProcess | undefined;
  let output = "";
  const urlOf = (database: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;

  async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    client.on("error", () => undefined);
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  async function start(): Promise<void> {
    if (child) return; // already running: a second postmaster on the same folder would only fail
    const running = spawn(path.join(bin, "postgres"), args, {
      ...owner,
      env,
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = running;
    running.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    running.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (running.exitCode !== null) throw new Error(`postgres exited (${running.exitCode}):\n${output}`);
      const ready = await sql(urlOf("postgres"), "SELECT 1").then(
        () => true,
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await stop();
    throw new Error(`postgres did not accept connections on port ${port} within 30 s:\n${output}`);
  }

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGINT"); // fast shutdown: open sessions are ended, what is committed stays
    const timer = setTimeout(() => running.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }

  await start();
  return {
    port,
    urlOf,
    sql,
    stop,
    start,
    output: () => output,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      await sql(urlOf("postgres"), `CREATE DATABASE ${name}`);
      return urlOf(name);
    },
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
