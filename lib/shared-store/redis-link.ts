import "server-only";
import { Redis } from "ioredis";

/**
 * The one Redis connection of this instance, behind a circuit breaker (DESIGN §9). Every command is bounded by
 * `commandTimeoutMs` (ioredis' own timeout, plus a race as a backstop) and fails fast while Redis is away (no offline
 * queue), so a hung or missing Redis never holds an agent's request: callers get `undefined` and carry on with this
 * instance's own state. A lost connection, or `failureThreshold` failed commands in a row (one slow answer under a
 * busy event loop is not an outage), opens the breaker and logs one warning; while it is open no command is sent,
 * except one probe per `probeIntervalMs`; the first probe that succeeds closes it (one info line).
 */

export type RedisStatus = "ok" | "degraded";

export type RedisLinkOptions = {
  url: string;
  commandTimeoutMs: number;
  probeIntervalMs?: number;
  /** Failed commands in a row that open the breaker; default 3. */
  failureThreshold?: number;
  /** Where the two outage lines go; stdout JSON in the app. */
  log?: (level: "warn" | "info", msg: string, detail: Record<string, unknown>) => void;
};

const defaultLog: NonNullable<RedisLinkOptions["log"]> = (level, msg, detail) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...detail })}\n`);

export class RedisLink {
  readonly client: Redis;
  private state: RedisStatus = "ok";
  private nextProbeAt = 0;
  private ready: Promise<void> | undefined;
  private failuresInARow = 0;
  private readonly failureThreshold: number;
  private readonly timeoutMs: number;
  private readonly probeIntervalMs: number;
  private readonly log: NonNullable<RedisLinkOptions["log"]>;

  constructor(options: RedisLinkOptions) {
    this.timeoutMs = options.commandTimeoutMs;
    this.probeIntervalMs = options.probeIntervalMs ?? 1_000;
    this.log = options.log ?? defaultLog;
    this.failureThreshold = options.failureThreshold ?? 3;
    this.client = new Redis(options.url, {
      // Our own bound (below) answers the caller; this one, much later, only clears commands a hung Redis never answers.
      commandTimeout: options.commandTimeoutMs * 10,
      connectTimeout: Math.max(1_000, options.commandTimeoutMs * 10),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Reconnect forever, at most every second: a restarted Redis is picked up without a restart of ours.
      retryStrategy: (times) => Math.min(times * 100, 1_000),
      lazyConnect: false,
    });
    // ioredis reports every failed reconnect as an 'error' event; the breaker already logged the outage once.
    this.client.on("error", () => this.trip("connection"));
  }

  status(): RedisStatus {
    return this.state;
  }

  /**
   * Runs one Redis operation; `undefined` when the breaker is open or the operation fails or takes too long (then the
   * breaker opens). Never throws.
   */
  async run<T>(operation: (client: Redis) => Promise<T>): Promise<T | undefined> {
    if (this.state === "degraded") {
      if (Date.now() < this.nextProbeAt || this.client.status !== "ready") return undefined;
      this.nextProbeAt = Date.now() + this.probeIntervalMs;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      // When the timer fires, an answer may already sit in the socket, unread because the event loop was busy (timers
      // run before I/O in each turn): setImmediate lets that I/O be read first, so a busy process is not taken for a
      // slow Redis.
      timer = setTimeout(() => setImmediate(() => reject(new Error("redis command timeout"))), this.timeoutMs);
    });
    try {
      // Still connecting (just started, or reconnecting after a blip): wait for it within the same time bound.
      const result = await Promise.race([this.whenReady().then(() => operation(this.client)), timeout]);
      this.heal();
      return result;
    } catch (error) {
      this.failuresInARow++;
      const reason = error instanceof Error && /time/i.test(error.message) ? "timeout" : "command";
      if (this.failuresInARow >= this.failureThreshold || this.client.status !== "ready") this.trip(reason);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** One pending promise for every caller waiting on the connection, not one 'ready' listener each. */
  private whenReady(): Promise<void> {
    if (this.client.status === "ready") return Promise.resolve();
    this.ready ??= new Promise<void>((resolve) =>
      this.client.once("ready", () => {
        this.ready = undefined;
        resolve();
      }),
    );
    return this.ready;
  }

  /** A PING through the breaker (used by /api/health): also the probe that notices Redis is back. */
  async ping(): Promise<RedisStatus> {
    if (this.state === "degraded") this.nextProbeAt = 0;
    await this.run((c) => c.ping());
    return this.state;
  }

  close(): void {
    this.client.disconnect();
  }

  private trip(reason: string): void {
    if (this.state === "degraded") return;
    this.state = "degraded";
    this.nextProbeAt = Date.now() + this.probeIntervalMs;
    // The URL is never logged: it may hold a password.
    this.log("warn", "redis_degraded", {
      reason,
      detail: "Redis is unreachable or slow: each instance uses its own state until it is back",
    });
  }

  private heal(): void {
    this.failuresInARow = 0;
    if (this.state === "ok") return;
    this.state = "ok";
    this.log("info", "redis_recovered", { detail: "Redis answers again: instances share state again" });
  }
}
