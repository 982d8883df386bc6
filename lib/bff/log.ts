import "server-only";
import { createHmac, hkdfSync } from "node:crypto";
import { getConfig } from "@/lib/config";
import type { CacheStatus } from "@/lib/core/api-types";
import type { Collection, ProfileIdentifier } from "@/lib/core/identifiers";

export type RequestLogEntry = {
  agent?: string;
  method: string;
  route: string;
  status: number;
  latencyMs: number;
  cache?: CacheStatus;
  /** The upstream Request-Id, or our own id when no upstream call answered. */
  requestId: string;
  profile?: { collection: Collection; id: ProfileIdentifier };
  /** Server-side detail of an unexpected error (never sent to the browser). */
  error?: unknown;
};

let hashKey: Buffer | undefined;

// A key of its own, derived from AUTH_SECRET, so a log reader cannot use it to forge sessions.
function getHashKey(): Buffer {
  hashKey ??= Buffer.from(hkdfSync("sha256", getConfig().AUTH_SECRET, "", "profile-sidebar/log-profile-hash", 32));
  return hashKey;
}

function keyedHash(value: string): string {
  return createHmac("sha256", getHashKey()).update(value, "utf8").digest("hex").slice(0, 16);
}

/**
 * How a profile appears in logs: the identifier type in clear (not personal), the value as a keyed hash, so
 * operators can correlate requests for one customer without seeing who it is.
 */
export function hashProfile(collection: Collection, id: ProfileIdentifier): string {
  return `${collection}/${id.type}:${keyedHash(`${collection}\n${id.type}\n${id.value}`)}`;
}

/** Agent names are not secret, but an agent who typed an e-mail as their name gets it hashed. */
function toLoggedAgent(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  return name.includes("@") ? `hash:${keyedHash(name)}` : name;
}

function describeError(error: unknown): { name: string; message: string } | undefined {
  if (error === undefined) return undefined;
  if (error instanceof Error) return { name: error.name, message: error.message.slice(0, 500) };
  return { name: typeof error, message: "non-Error value thrown" };
}

/** One JSON line per BFF request on stdout. Never an identifier value, a token or an e-mail. */
export function logRequest(entry: RequestLogEntry): void {
  const line = {
    time: new Date().toISOString(),
    level: entry.status === 499 ? "info" : entry.status >= 500 ? "error" : entry.status >= 400 ? "warn" : "info",
    msg: "request",
    agent: toLoggedAgent(entry.agent),
    method: entry.method,
    route: entry.route,
    status: entry.status,
    latency_ms: Math.round(entry.latencyMs),
    cache: entry.cache,
    request_id: entry.requestId,
    profile: entry.profile ? hashProfile(entry.profile.collection, entry.profile.id) : undefined,
    error: describeError(entry.error),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
