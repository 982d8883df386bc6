import "server-only";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/core/error-body";
import { identifierLookup, sealIdentifier } from "./identifier-seal";
import { openSqliteStore } from "./sqlite-store";
import type { AuditStore } from "./store";
import type { AuditEvent, SealedEntry } from "./types";
import { AuditWriter } from "./writer";

const RETENTION_INTERVAL_MS = 6 * 3_600_000;

type AuditLog = { store: AuditStore; writer: AuditWriter };
let warnedAt = 0;

// One log per process, shared through globalThis: Next.js bundles route handlers and pages separately, and each bundle
// would otherwise open its own store and queue.
const GLOBAL_KEY = Symbol.for("profile-sidebar.audit-log");
const holder = globalThis as typeof globalThis & { [GLOBAL_KEY]?: AuditLog };

/** Opens the configured store once per process, with its retention timer and its last flush at exit. */
export function getAuditLog(): AuditLog {
  const existing = holder[GLOBAL_KEY];
  if (existing) return existing;
  const config = getConfig();
  const store = openSqliteStore(config.AUDIT_DB_PATH);
  const log = { store, writer: new AuditWriter(store) };
  holder[GLOBAL_KEY] = log;
  startRetention(store, config.AUDIT_RETENTION_DAYS);
  // Next.js ends the process with process.exit after SIGTERM/SIGINT: 'exit' handlers still run, synchronously, so the
  // SQLite store takes whatever is still queued (a clean shutdown loses nothing).
  process.once("exit", () => log.writer.flushSync());
  return log;
}

function startRetention(store: AuditStore, days: number): void {
  const run = () => {
    const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
    store.removeOlderThan(cutoff).catch((error: unknown) => warn("audit retention failed", error));
  };
  run();
  setInterval(run, RETENTION_INTERVAL_MS).unref();
}

/** One warning line per outage minute: a failing store must not flood the log. */
function warn(msg: string, error: unknown): void {
  if (Date.now() - warnedAt < 60_000) return;
  warnedAt = Date.now();
  const reason = error instanceof Error ? error.message.slice(0, 300) : String(error);
  console.warn(JSON.stringify({ time: new Date().toISOString(), level: "warn", msg, reason }));
}

function seal(event: AuditEvent): SealedEntry {
  const secret = getConfig().AUTH_SECRET;
  return {
    time: (event.time ?? new Date()).toISOString(),
    agent_name: event.agent.name,
    agent_email: event.agent.email ?? null,
    agent_source: event.agent.source,
    agent_role: event.agent.role ?? "agent",
    action: event.action,
    collection: event.collection ?? null,
    identifier_enc: event.identifier ? sealIdentifier(event.identifier, secret) : null,
    identifier_lookup: event.identifier ? identifierLookup(event.identifier, secret) : null,
    outcome: event.outcome,
    request_id: event.requestId ?? null,
    detail: event.detail ?? null,
  };
}

/**
 * Appends one entry. AUDIT_FAIL_MODE=closed: resolves once it is committed, and throws 503 `audit_unavailable` when the
 * store cannot take it, so the caller refuses what it was about to show. open: never throws and never waits; a failure
 * is a logged warning.
 */
export async function recordAudit(event: AuditEvent): Promise<void> {
  if (!getConfig().AUDIT_ENABLED) return;
  const closed = getConfig().AUDIT_FAIL_MODE === "closed";
  let written: Promise<void>;
  try {
    written = getAuditLog().writer.record(seal(event));
  } catch (error) {
    written = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  if (!closed) {
    written.catch((error: unknown) => warn("audit entry not written (AUDIT_FAIL_MODE=open)", error));
    return;
  }
  try {
    await written;
  } catch (error) {
    warn("audit entry not written: refusing the request (AUDIT_FAIL_MODE=closed)", error);
    throw new AppError(
      "audit_unavailable",
      "The audit trail cannot be written just now, so customer data is not shown. Try again shortly.",
    );
  }
}

/** Best effort, never throws: sign-ins are recorded but never refused because of the audit store. */
export function recordAuditQuietly(event: AuditEvent): void {
  if (!getConfig().AUDIT_ENABLED) return;
  try {
    getAuditLog()
      .writer.record(seal(event))
      .catch((error: unknown) => warn("audit entry not written", error));
  } catch (error) {
    warn("audit entry not written", error);
  }
}

/** Clean shutdown: everything queued is written before the process ends. */
export async function closeAuditLog(): Promise<void> {
  const current = holder[GLOBAL_KEY];
  if (!current) return;
  holder[GLOBAL_KEY] = undefined;
  await current.writer.close();
}
