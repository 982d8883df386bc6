import { z } from "zod";
import type { Rng } from "./seed/rng";

export type Faults = {
  /** Fixed added latency per request. */
  latencyMs: number;
  /** Plus uniform random 0..jitter. */
  latencyJitterMs: number;
  /** Status → share of requests answered with that status and its documented error body. */
  errorRates: Record<string, number>;
  /** The next N requests get 429 rate_limit_error (counts down). */
  rateLimitBurst: number;
  /** Retry-After on 429s. */
  retryAfterSeconds: number;
  /** Share of requests whose socket is destroyed without an answer. */
  dropRate: number;
  /** Share answered 200 with a truncated, invalid JSON body. */
  malformedRate: number;
  /** Answer 401 authentication_error to every request (the token was "revoked"). */
  rejectAuth: boolean;
  /** Successful traits answers carry one more trait, `deep_value`, nested this many objects deep (0 = off). */
  deepTraitDepth: number;
  /** Share answered 200 with an HTML page (a proxy's or load balancer's error page) instead of JSON. */
  htmlBodyRate: number;
  /** Answer 200 announcing this many bytes more than it sends, send this many bytes, then drop the socket (0 = off). */
  truncatedBodyBytes: number;
  /** Sent as `Request-Id` instead of a well-formed one (empty = off): an upstream or proxy echoing junk. */
  requestIdOverride: string;
};

export const DEFAULT_FAULTS: Faults = {
  latencyMs: 0,
  latencyJitterMs: 0,
  errorRates: {},
  rateLimitBurst: 0,
  retryAfterSeconds: 1,
  dropRate: 0,
  malformedRate: 0,
  rejectAuth: false,
  deepTraitDepth: 0,
  htmlBodyRate: 0,
  truncatedBodyBytes: 0,
  requestIdOverride: "",
};

const share = z.number().min(0).max(1);
const count = (max: number) => z.number().int().min(0).max(max);

export const faultsPatchSchema = z
  .object({
    latencyMs: count(120_000),
    latencyJitterMs: count(120_000),
    errorRates: z.record(z.string().regex(/^[45]\d\d$/, "status must be 400..599"), share),
    rateLimitBurst: count(1_000_000),
    retryAfterSeconds: count(3_600),
    dropRate: share,
    malformedRate: share,
    rejectAuth: z.boolean(),
    deepTraitDepth: count(100_000),
    htmlBodyRate: share,
    truncatedBodyBytes: count(64 * 1024 * 1024),
    requestIdOverride: z.string().max(64 * 1024),
  })
  .partial()
  .strict();

export type FaultsPatch = z.infer<typeof faultsPatchSchema>;

/** JSON merge: given keys replace, `errorRates` merges per status (a rate of 0 removes it). */
export function mergeFaults(current: Faults, patch: FaultsPatch): Faults {
  const errorRates = { ...current.errorRates, ...(patch.errorRates ?? {}) };
  for (const [status, rate] of Object.entries(errorRates)) if (rate === 0) delete errorRates[status];
  const total = Object.values(errorRates).reduce((a, b) => a + b, 0);
  if (total > 1 + 1e-9) throw new Error("errorRates must add up to at most 1");
  return { ...current, ...patch, errorRates };
}

export type FaultDecision =
  | { kind: "none" }
  | { kind: "drop" }
  | { kind: "reject-auth" }
  | { kind: "burst" }
  | { kind: "error"; status: number }
  | { kind: "malformed" }
  | { kind: "html" }
  | { kind: "truncated"; bytes: number };

/** Holds the current faults and draws, per request, which one (if any) applies. */
export class FaultInjector {
  private faults: Faults;

  constructor(
    initial: Partial<Faults>,
    private readonly rng: Rng,
  ) {
    this.faults = mergeFaults(DEFAULT_FAULTS, initial);
  }

  get current(): Faults {
    return { ...this.faults, errorRates: { ...this.faults.errorRates } };
  }

  set(patch: FaultsPatch): void {
    this.faults = mergeFaults(this.faults, patch);
  }

  reset(): void {
    this.faults = { ...DEFAULT_FAULTS, errorRates: {} };
  }

  delayMs(): number {
    const { latencyMs, latencyJitterMs } = this.faults;
    return latencyMs + (latencyJitterMs > 0 ? this.rng.next() * latencyJitterMs : 0);
  }

  /** Order: dropped socket, revoked token, forced 429 burst, error rates, malformed, HTML, truncated body. */
  decide(): FaultDecision {
    const f = this.faults;
    if (f.dropRate > 0 && this.rng.next() < f.dropRate) return { kind: "drop" };
    if (f.rejectAuth) return { kind: "reject-auth" };
    if (f.rateLimitBurst > 0) {
      this.faults = { ...f, rateLimitBurst: f.rateLimitBurst - 1 };
      return { kind: "burst" };
    }
    const draw = this.rng.next();
    let acc = 0;
    for (const [status, rate] of Object.entries(f.errorRates)) {
      acc += rate;
      if (draw < acc) return { kind: "error", status: Number(status) };
    }
    if (f.malformedRate > 0 && this.rng.next() < f.malformedRate) return { kind: "malformed" };
    if (f.htmlBodyRate > 0 && this.rng.next() < f.htmlBodyRate) return { kind: "html" };
    if (f.truncatedBodyBytes > 0) return { kind: "truncated", bytes: f.truncatedBodyBytes };
    return { kind: "none" };
  }
}

/** Parses `500:0.1,503:0.05` (the SIM_ERROR_RATES / --error-rates format). */
export function parseErrorRates(text: string): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [status, rate] = part.split(":");
    rates[String(status)] = Number(rate);
  }
  return rates;
}
