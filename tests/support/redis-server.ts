/**
 * A real, throwaway `redis-server` for tests (DESIGN §9): Debian's package, installed when missing (as root, under
 * /tmp/apt.lock so parallel installs wait for each other), started on a free loopback port with no persistence, and
 * stopped by its PID. Never the system's Redis service.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createConnection } from "node:net";
import { aptInstall } from "../../scripts/apt-install";
import { getFreePort } from "./free-port";

const CANDIDATES = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server"];

function findRedisServer(): string | undefined {
  return CANDIDATES.find((p) => existsSync(p));
}

/** The redis-server binary, installing Debian's package first when it is missing. */
export function ensureRedisServer(): string {
  // The package starts the system service; these tests never use it (they run their own on a free port).
  return aptInstall("redis-server", findRedisServer);
}

/** One PING over a raw socket: true on +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

export type TestRedis = {
  port: number;
  url: string;
  /** Stops the server (by PID); the port stays reserved for `start()` again. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  output(): string;
};

export async function startRedis(port?: number): Promise<TestRedis> {
  const binary = ensureRedisServer();
  const chosen = port ?? (await getFreePort());
  let child: ChildProcess | undefined;
  let output = "";

  async function start(): Promise<void> {
    const args = [
      "--port",
      String(chosen),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--protected-mode",
      "yes",
    ];
    child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}):\n${output}`);
      if (await ping(chosen)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await stop();
    throw new Error(`redis-server did not answer PING on port ${chosen} within 10 s:\n${output}`);
  }

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGTERM");
    const timer = setTimeout(() => running.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }

  await start();
  return { port: chosen, url: `redis://127.0.0.1:${chosen}`, stop, start, output: () => output };
}
