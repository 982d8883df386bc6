/**
 * CPU time of a server process tree (the app's `npm start` wrapper and the Next.js server under it), read from Linux's
 * /proc: utime + stime of every process in the tree, all threads included (V8's helpers, libuv's pool). The load
 * generator runs in the bench's own process, outside the tree, so it is not counted.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  return ticksPerSecond;
}

/** pid → [ppid, utime + stime in ticks] for every process; fields after the `(comm)` that may hold spaces. */
function readProcessTable(): Map<number, [number, number]> {
  const table = new Map<number, [number, number]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After "(comm) ": state, ppid (index 1), … utime (11), stime (12).
      table.set(Number(entry), [Number(fields[1]), Number(fields[11]) + Number(fields[12])]);
    } catch {
      /* the process ended while we read */
    }
  }
  return table;
}

/** CPU milliseconds used so far by `rootPid` and every process under it. */
export function treeCpuMs(rootPid: number): number {
  const table = readProcessTable();
  const children = new Map<number, number[]>();
  for (const [pid, [ppid]] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let ticks = 0;
  const stack = [rootPid];
  for (let guard = 0; stack.length && guard < 10_000; guard++) {
    const pid = stack.pop() as number;
    ticks += table.get(pid)?.[1] ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return (ticks / clockTicks()) * 1000;
}
