import { parseArgs } from "node:util";
import { faultsPatchSchema, parseErrorRates, type Faults } from "./faults";
import { SIM_DEFAULTS } from "./seed-ids";
import { startSimulator } from "./server";

/** `npm run simulator`: env SIM_* or the same as --flags (flags win). Prints one line with its URL. */
const { values: flags } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    token: { type: "string" },
    "space-id": { type: "string" },
    "rate-limit": { type: "string" },
    seed: { type: "string" },
    now: { type: "string" },
    "latency-ms": { type: "string" },
    "latency-jitter-ms": { type: "string" },
    "error-rates": { type: "string" },
    "rate-limit-burst": { type: "string" },
    "retry-after-seconds": { type: "string" },
    "drop-rate": { type: "string" },
    "malformed-rate": { type: "string" },
    "reject-auth": { type: "boolean" },
  },
});

const env = process.env;
const pick = (flag: keyof typeof flags, name: string): string | undefined => {
  const v = flags[flag];
  return typeof v === "string" ? v : env[name] || undefined;
};

function num(flag: keyof typeof flags, name: string, fallback?: number): number | undefined {
  const raw = pick(flag, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`simulator: ${name} (--${flag}) must be a non-negative number, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

const faults: Partial<Faults> = {};
const set = <K extends keyof Faults>(key: K, value: Faults[K] | undefined) => {
  if (value !== undefined) faults[key] = value;
};
set("latencyMs", num("latency-ms", "SIM_LATENCY_MS"));
set("latencyJitterMs", num("latency-jitter-ms", "SIM_LATENCY_JITTER_MS"));
set("rateLimitBurst", num("rate-limit-burst", "SIM_RATE_LIMIT_BURST"));
set("retryAfterSeconds", num("retry-after-seconds", "SIM_RETRY_AFTER_SECONDS"));
set("dropRate", num("drop-rate", "SIM_DROP_RATE"));
set("malformedRate", num("malformed-rate", "SIM_MALFORMED_RATE"));
const rates = pick("error-rates", "SIM_ERROR_RATES");
if (rates) set("errorRates", parseErrorRates(rates));
if (flags["reject-auth"] || env.SIM_REJECT_AUTH === "true" || env.SIM_REJECT_AUTH === "1") faults.rejectAuth = true;

const checked = faultsPatchSchema.safeParse(faults);
if (!checked.success) {
  const issue = checked.error.issues[0];
  console.error(
    `simulator: invalid fault setting ${issue?.path.join(".") ?? ""}: ${issue?.message ?? ""} (SIM_ERROR_RATES looks like 500:0.1,503:0.05; rates are 0..1)`,
  );
  process.exit(2);
}

const now = pick("now", "SIM_NOW");
if (now !== undefined && Number.isNaN(Date.parse(now))) {
  console.error(`simulator: SIM_NOW (--now) must be an ISO 8601 date-time, got "${now}"`);
  process.exit(2);
}
try {
  const sim = await startSimulator({
    port: num("port", "SIM_PORT", SIM_DEFAULTS.port),
    host: pick("host", "SIM_HOST") ?? "127.0.0.1",
    token: pick("token", "SIM_TOKEN") ?? SIM_DEFAULTS.token,
    spaceId: pick("space-id", "SIM_SPACE_ID") ?? SIM_DEFAULTS.spaceId,
    rateLimit: num("rate-limit", "SIM_RATE_LIMIT", SIM_DEFAULTS.rateLimit),
    seed: num("seed", "SIM_SEED"),
    now: now ? new Date(now) : undefined,
    faults,
  });
  console.log(
    `Profile API simulator listening on ${sim.url} (space ${pick("space-id", "SIM_SPACE_ID") ?? SIM_DEFAULTS.spaceId})`,
  );
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`simulator: could not start: ${(error as Error).message}`);
  process.exit(1);
}
