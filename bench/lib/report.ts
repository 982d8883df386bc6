/** Prints the bench's figures as one table and saves them as JSON (bench/results/latest.json, gitignored). */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname } from "node:path";

export type Row = { figure: string; value: string; target: string; met: boolean | null };

export function machine() {
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function printTable(rows: Row[]): void {
  const w0 = Math.max(...rows.map((r) => r.figure.length), 6);
  const w1 = Math.max(...rows.map((r) => r.value.length), 5);
  const w2 = Math.max(...rows.map((r) => r.target.length), 6);
  const line = (a: string, b: string, c: string, d: string) =>
    `| ${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c.padEnd(w2)} | ${d.padEnd(4)} |`;
  console.log(line("figure", "value", "target", "met"));
  console.log(line("-".repeat(w0), "-".repeat(w1), "-".repeat(w2), "----"));
  for (const r of rows) console.log(line(r.figure, r.value, r.target, r.met === null ? "n/a" : r.met ? "yes" : "NO"));
}

export function saveJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}
