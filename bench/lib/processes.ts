/**
 * Child processes of the bench (simulator, built app): started with an explicit environment,
 * awaited on a health URL (bounded), and stopped by their own PID at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";

export type Child = { name: string; proc: ChildProcess; output: () => string; stop: () => Promise<void> };

export function startChild(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string,
): Child {
  const proc = spawn(command, args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  return {
    name,
    proc,
    output: () => tail,
    stop: () => stopChild(proc),
  };
}

async function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  proc.kill("SIGTERM");
  const timer = setTimeout(() => proc.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Polls `url` until it answers 2xx; fails after `timeoutMs` with the child's last output. */
export async function waitForHealth(child: Child, url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.proc.exitCode !== null) throw new Error(`${child.name} exited early:\n${child.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${child.name} did not become healthy at ${url}:\n${child.output()}`);
}
