import "server-only";
import { randomUUID } from "node:crypto";
import type { RedisLink } from "@/lib/shared-store/redis-link";
import { RateLimitedError, type RateLimiter, type Release } from "./rate-limiter";
import type { SlotSource } from "./fair-queue";

/**
 * The space's rate budget shared by every instance through Redis (DESIGN §9). One Lua script decides each slot
 * atomically on the Redis server (no read-then-write race between instances), on Redis' own clock (instances' clocks
 * may differ): a sliding one-second log of slots in a sorted set, where a slot counts from when it is granted until a
 * second after its answer is back, as the in-memory limiter does. An upstream 429 halves the shared rate for every
 * instance, which then climbs back linearly (AIMD). While Redis is away, this instance falls back to its own limiter.
 */

const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate, window, hold, recovery = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[4]), tonumber(ARGV[5])
local effective = rate
local cut = redis.call('HMGET', KEYS[2], 'rate', 'at')
if cut[1] then
  local elapsed = math.max(0, now - tonumber(cut[2]))
  effective = math.min(rate, tonumber(cut[1]) + (rate - tonumber(cut[1])) * elapsed / recovery)
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < math.max(1, math.floor(effective)) then
  redis.call('ZADD', KEYS[1], now + hold, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], hold + window)
  return {1, 0, math.floor(effective)}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + window - now, math.floor(effective)}
`;

/** The slot's answer is back: it now ages out of the window a second from now (Redis' clock). */
const RELEASE = `
local t = redis.call('TIME')
redis.call('ZADD', KEYS[1], 'XX', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), ARGV[1])
return 1
`;

/** A 429: halve the shared rate, at most once a second (one burst of 429s is one cut). */
const CUT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local at = tonumber(redis.call('HGET', KEYS[1], 'at') or '0')
if now - at < 1000 then return 0 end
redis.call('HSET', KEYS[1], 'rate', math.max(tonumber(ARGV[2]), tonumber(ARGV[1]) / 2), 'at', now)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) + 1000)
return 1
`;

export type SharedRateLimiterOptions = {
  link: RedisLink;
  spaceId: string;
  rate: number;
  /** This instance's limiter, used while Redis is away. */
  local: RateLimiter;
  /** A slot whose release never reaches Redis frees itself after this long. */
  holdMs: number;
  recoverySeconds?: number;
  windowMarginMs?: number;
};

const POLL_MS = 20;

export class SharedRateLimiter implements SlotSource {
  private readonly keys: [string, string];
  private readonly instance = randomUUID();
  private sequence = 0;
  private lastRate: number;

  constructor(private readonly options: SharedRateLimiterOptions) {
    // The space id is an account id, not customer data; kept readable so operators can find the keys.
    this.keys = [`ps:rate:${options.spaceId}:window`, `ps:rate:${options.spaceId}:cut`];
    this.lastRate = options.rate;
  }

  currentRate(): number {
    return this.options.link.status() === "ok" ? this.lastRate : this.options.local.currentRate();
  }

  async acquire(deadlineAt: number, signal?: AbortSignal): Promise<Release> {
    for (let polls = 0; polls < 100_000; polls++) {
      if (signal?.aborted) throw signal.reason as Error;
      const member = `${this.instance}:${this.sequence++}`;
      const answer = await this.options.link.run(
        (c) => c.eval(ACQUIRE, 2, ...this.keys, ...this.scriptArgs(member)) as Promise<number[]>,
      );
      // Redis away: this instance's own limiter. One failed call while Redis is still considered up: ask again (a
      // slot granted locally then could exceed the shared budget).
      if (!answer && this.options.link.status() === "degraded") return this.options.local.acquire(deadlineAt, signal);
      const [granted = 0, waitMs = POLL_MS, effective = this.options.rate] = answer ?? [];
      this.lastRate = Math.max(1, effective);
      if (granted === 1) return this.releaser(member);
      // Wait for the oldest slot to age out, but look again soon: it may be an answer still in flight.
      const delay = Math.max(1, Math.min(waitMs, POLL_MS));
      if (Date.now() + delay > deadlineAt)
        throw new RateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)), "deadline");
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    throw new RateLimitedError(1, "deadline");
  }

  /** An upstream 429 slows every instance (and this one's own fallback limiter, for when Redis goes away). */
  onRateLimited(retryAfterMs?: number): void {
    this.options.local.onRateLimited(retryAfterMs);
    const minRate = Math.max(1, this.options.rate / 10);
    const recoveryMs = (this.options.recoverySeconds ?? 10) * 1000;
    void this.options.link.run((c) => c.eval(CUT, 1, this.keys[1], this.lastRate, minRate, recoveryMs));
  }

  private scriptArgs(member: string): Array<string | number> {
    const windowMs = 1000 + (this.options.windowMarginMs ?? 10);
    return [this.options.rate, windowMs, member, this.options.holdMs, (this.options.recoverySeconds ?? 10) * 1000];
  }

  private releaser(member: string): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      void this.options.link.run((c) => c.eval(RELEASE, 1, this.keys[0], member));
    };
  }
}
