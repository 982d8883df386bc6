/**
 * Where the server's CPU goes: a V8 CPU profile (`node --cpu-prof`) of the app under load, each sample put in one
 * bucket (Next.js, proxy, session, validation, cache/limiter, undici, logging, JSON, …) by the innermost frame of its
 * stack that belongs to a known module. The app's bundles are minified, so their frames are mapped back to the source
 * files through the build's source maps (node:module's SourceMap, no dependency).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { SourceMap } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

/** First match wins, tested against the frame's source file (after source-mapping) or its URL. */
const BUCKETS: Array<[string, RegExp]> = [
  [
    "logging (pino, log line)",
    /lib\/bff\/log\.ts|node_modules\/(pino|sonic-boom|quick-format-unescaped|safe-stable-stringify|@pinojs)\//,
  ],
  ["session (cookie/bearer verification)", /lib\/auth\/|node_modules\/(next-auth|jose|@panva)\//],
  [
    "validation (zod, identifiers, query)",
    /node_modules\/zod\/|lib\/bff\/query-schemas|identifiers\.ts|lib\/profile-api\/schemas/,
  ],
  ["cache / coalescing / limiter / retry", /lib\/profile-api\/(cache|cached-call|coalesce|rate-limiter|retry)\.ts/],
  ["undici pool (upstream HTTP)", /node_modules\/undici\/|lib\/profile-api\/http\.ts/],
  ["proxy.ts (CSP nonce, headers)", /proxy\.ts|lib\/security\/|next\/dist\/server\/web\/|server\/middleware\.js/],
  ["Request/Response/Headers (Node's fetch classes)", /node:internal\/deps\/undici/],
  ["masking + audit entry (lib/governance, lib/audit)", /lib\/governance\/|lib\/audit\//],
  ["our route code (wrapper, cursor, summary)", /lib\/bff\/|lib\/core\/|lib\/profile-api\/|lib\/config|app\/api\//],
  ["Next.js routing + handler plumbing", /node_modules\/next\/|\.next\/server\//],
  ["Node HTTP server + sockets", /node:(_http_|net|internal\/(http|streams|stream_base|net))/],
];
const JSON_BUCKET = "JSON (parse/stringify)";
const JSON_FRAME = new Set(["stringify", "parse", "JSON.stringify", "JSON.parse"]);

/** Lazily loaded source maps of the app's built chunks, by file URL. */
function sourceMapper() {
  const maps = new Map<string, SourceMap | null>();
  return (frame: CallFrame): string => {
    if (!frame.url.startsWith("file://") || !frame.url.includes("/.next/")) return frame.url;
    let map = maps.get(frame.url);
    if (map === undefined) {
      const file = `${fileURLToPath(frame.url)}.map`;
      map = existsSync(file)
        ? new SourceMap(JSON.parse(readFileSync(file, "utf8")) as ConstructorParameters<typeof SourceMap>[0])
        : null;
      maps.set(frame.url, map);
    }
    const entry: { originalSource?: string } | undefined = map?.findEntry(frame.lineNumber, frame.columnNumber);
    return entry?.originalSource ?? frame.url;
  };
}

function bucketOf(source: string): string | undefined {
  return BUCKETS.find(([, pattern]) => pattern.test(source))?.[0];
}

/** Every node's bucket: its own when its frame belongs to a known module, else its parent's (innermost wins). */
function classifyNodes(profile: CpuProfile): Map<number, string> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const mapSource = sourceMapper();
  const bucket = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = bucket.get(id);
    if (known) return known;
    const frame = byId.get(id)?.callFrame;
    let result: string;
    if (!frame) result = "other";
    else if (frame.functionName === "(garbage collector)") result = "garbage collection";
    else if (frame.functionName === "(program)") result = "V8/native (unattributed)";
    else if (frame.functionName === "(idle)") result = "(idle)";
    else {
      const own = frame.url ? bucketOf(mapSource(frame)) : undefined;
      const parentId = parent.get(id);
      const inherited = parentId === undefined ? "other" : resolve(parentId);
      // JSON called by the logger is logging; anywhere else (Response.json, upstream bodies) it is its own bucket.
      if (!own && JSON_FRAME.has(frame.functionName) && !frame.url)
        result = inherited.startsWith("logging") ? inherited : JSON_BUCKET;
      else result = own ?? inherited;
    }
    bucket.set(id, result);
    return result;
  };
  for (const node of profile.nodes) resolve(node.id);
  return bucket;
}

export type ProfileSummary = {
  samples: number;
  busyMs: number;
  windowMs: number;
  buckets: Array<{ bucket: string; share: number; ms: number }>;
};

/**
 * Buckets of the samples taken between `fromUs` and `toUs` (the load's window, CLOCK_MONOTONIC microseconds, the
 * clock V8's profiler uses on Linux); all samples when the window holds none. Idle time is left out.
 */
export function summarizeProfile(file: string, window?: { fromUs: number; toUs: number }): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const buckets = classifyNodes(profile);
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const inWindow = (i: number) => !window || ((times[i] ?? 0) >= window.fromUs && (times[i] ?? 0) <= window.toUs);
  const useWindow = window && profile.samples.some((_, i) => inWindow(i));
  const totals = new Map<string, number>();
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    if (useWindow && !inWindow(i)) return;
    const name = buckets.get(id) ?? "other";
    if (name === "(idle)") return;
    const us = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    busyUs += us;
    totals.set(name, (totals.get(name) ?? 0) + us);
  });
  const rows = [...totals]
    .map(([bucket, us]) => ({ bucket, share: busyUs ? us / busyUs : 0, ms: us / 1000 }))
    .sort((a, b) => b.ms - a.ms);
  const windowMs =
    useWindow && window ? (window.toUs - window.fromUs) / 1000 : (profile.endTime - profile.startTime) / 1000;
  return { samples: profile.samples.length, busyMs: busyUs / 1000, windowMs, buckets: rows };
}

/** The largest .cpuprofile in `dir` (the server process's; small ones are wrapper processes). */
export function largestProfile(dir: string): string | undefined {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => join(dir, f));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}
