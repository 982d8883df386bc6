import "server-only";
import { z } from "zod";
import { isRole, ROLES, type Role, type RoleMap } from "./governance/roles";
import type { ViewSettings } from "@/lib/views/view-settings";

/**
 * The one reader of process.env. Every variable is validated once, when the server starts
 * (instrumentation.ts), and a bad value stops it with one line naming the variable.
 * Nothing here is baked in at build time: one build serves every deployment.
 */

const REGION_HOSTS = {
  us: "https://profiles.segment.com",
  eu: "https://profiles.euw1.segment.com",
} as const;

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const splitList = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** A comma-separated list; `fallback` applies when the variable is unset (not when it is empty). */
const commaList = (fallback = "") => z.string().optional().default(fallback).transform(splitList);

const int = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

/** `http(s)://host[:port]` with no path, query, fragment or credentials; normalised without a trailing slash. */
const baseUrl = z
  .string()
  .trim()
  .transform((v, ctx) => {
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be an http(s)://host[:port] URL" });
      return z.NEVER;
    }
    const plain =
      (url.protocol === "http:" || url.protocol === "https:") &&
      url.pathname === "/" &&
      !url.search &&
      !url.hash &&
      !url.username &&
      !url.password &&
      !/[?#]/.test(v);
    if (!plain) {
      ctx.addIssue({ code: "custom", message: "must be http(s)://host[:port] with no path, query or credentials" });
      return z.NEVER;
    }
    return url.origin;
  });

const origin = z.string().transform((v, ctx) => {
  try {
    const url = new URL(v);
    if ((url.protocol === "https:" || url.protocol === "http:") && url.origin === v.replace(/\/$/, ""))
      return url.origin;
  } catch {
    /* reported below */
  }
  ctx.addIssue({ code: "custom", message: `"${v}" is not an origin like https://example.com` });
  return z.NEVER;
});

/** `key:role,...` (ROLE_MAP, DEMO_ROLES). The key is everything before the last colon: group names may contain colons. */
const roleMap = z
  .string()
  .optional()
  .default("")
  .transform((v, ctx): RoleMap => {
    const map = new Map<string, Role>();
    for (const pair of splitList(v)) {
      const colon = pair.lastIndexOf(":");
      const key = pair.slice(0, colon).trim();
      const role = pair.slice(colon + 1).trim();
      if (colon < 1 || !key || !isRole(role)) {
        ctx.addIssue({
          code: "custom",
          message: `must list key:role pairs with roles ${ROLES.join(", ")} ("${pair}" is not one)`,
        });
        return z.NEVER;
      }
      map.set(key, role);
    }
    return map;
  });

const role = z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` });

/** Trait keys are matched case-insensitively: stored lower-case. */
const lowerCaseList = (fallback: string) => commaList(fallback).transform((list) => list.map((v) => v.toLowerCase()));

const identifierType = z.string().regex(/^[a-z][a-z0-9_.]*$/, "must list identifier types like user_id,email,phone");

/** The audit store's variables (DESIGN §10): also read alone by `npm run audit:verify`, which needs nothing else. */
const auditEnvSchema = z.object({
  /** Postgres (several instances share one trail): postgres://user:password@host:port/database. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// connection URL")
      .optional(),
  ),
  /** The embedded store's database file, used when DATABASE_URL is unset. */
  AUDIT_DB_PATH: z.string().trim().optional().default("./data/audit.db").pipe(z.string().min(1, "must be a file path")),
  /** closed: a profile view is refused (503) when its audit entry cannot be written; open: served with a warning. */
  AUDIT_FAIL_MODE: z.enum(["closed", "open"], { message: "must be closed or open" }).optional().default("closed"),
  AUDIT_RETENTION_DAYS: int(1, 36_500, 400),
  /**
   * false records nothing: only for measuring what the trail costs (`npm run bench`). Logged as a warning at start-up;
   * never turn it off where agents see real customers.
   */
  AUDIT_ENABLED: z
    .enum(["true", "false"], { message: "must be true or false" })
    .optional()
    .default("true")
    .transform((v) => v === "true"),
});

export type AuditConfig = Readonly<z.infer<typeof auditEnvSchema>>;

/** Only the audit store's variables, for the command-line tools (audit:verify). */
export function parseAuditConfig(env: Record<string, string | undefined>): AuditConfig {
  const result = auditEnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${String(issue.path[0] ?? "environment")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  return Object.freeze(result.data);
}

const envSchema = auditEnvSchema.extend({
  SEGMENT_SPACE_ID: z
    .string({ message: "is required (the Unify space id from Unify settings > API access)" })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,128}$/, "must be a Unify space id (letters, digits, _ and -)"),
  SEGMENT_ACCESS_TOKEN: z
    .string({ message: "is required (the Profile API access token)" })
    .trim()
    .min(1, "is required (the Profile API access token)")
    .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces"),
  SEGMENT_REGION: z.enum(["us", "eu"], { message: "must be us or eu" }).optional().default("us"),
  PROFILE_API_URL: optionalString.pipe(baseUrl.optional()),
  PROFILE_API_RATE_LIMIT: int(1, 100_000, 100),
  PROFILE_API_MAX_ATTEMPTS: int(1, 10, 6),
  PROFILE_API_ATTEMPT_TIMEOUT_MS: int(100, 60_000, 3_000),
  PROFILE_API_DEADLINE_MS: int(500, 120_000, 8_000),
  PROFILE_API_POOL_CONNECTIONS: int(1, 1_000, 32),
  CACHE_TTL_TRAITS_MS: int(0, 3_600_000, 60_000),
  CACHE_TTL_EVENTS_MS: int(0, 3_600_000, 10_000),
  CACHE_MAX_BYTES: int(0, 2_000_000_000, 64 * 1024 * 1024),
  PORT: int(1, 65_535, 3000),
  /** Interface `npm start` binds; 0.0.0.0 in a container. Loopback by default so nothing is exposed by accident. */
  HOST: z
    .string()
    .trim()
    .optional()
    .default("127.0.0.1")
    .pipe(z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, "must be a host name or IP address")),
  /** The app's public origin (https://sidebar.example.com). Unset: derived from each request's Host / X-Forwarded-* headers. */
  APP_URL: optionalString.pipe(origin.optional()),
  AUTH_SECRET: z
    .string({ message: "is required (a random string of at least 32 characters that signs sessions)" })
    .min(32, "must be at least 32 characters"),
  DEMO_PASSWORD: optionalString,
  OIDC_ISSUER: optionalString.pipe(z.url({ message: "must be the issuer URL" }).optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_ALLOWED_EMAIL_DOMAINS: commaList(),
  EMBED_ALLOWED_ORIGINS: commaList().pipe(z.array(origin)),
  ZENDESK_APP_PUBLIC_KEY: optionalString,
  ZENDESK_APP_AUDIENCE: optionalString,
  ZENDESK_ALLOWED_SUBDOMAINS: commaList(),
  ZENDESK_IDENTIFIER_ORDER: commaList("user_id,email,phone").pipe(z.array(identifierType)),
  SALESFORCE_CANVAS_CONSUMER_SECRET: optionalString,
  SALESFORCE_RECORD_FIELD_MAPPING: z
    .string()
    .trim()
    .optional()
    .default("Contact.Email=email,Lead.Email=email")
    .pipe(
      z
        .string()
        .regex(
          /^(\s*[A-Za-z][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*=[a-z][a-z0-9_.]*\s*)(,\s*[A-Za-z][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*=[a-z][a-z0-9_.]*\s*)*$/,
          "must list Object.Field=identifier_type rules, e.g. Contact.Email=email,Lead.Email=email",
        ),
    ),
  /** Replay bound of Canvas launches: check client.oauthToken at the org's userinfo endpoint (salesforce-oauth-check.ts). */
  SALESFORCE_VERIFY_OAUTH_TOKEN: z
    .enum(["true", "false"], { message: "must be true or false" })
    .optional()
    .default("false")
    .transform((v) => v === "true"),
  /** The only instance hosts that check may call: `*.domain` (https) or an exact `host[:port]`. */
  SALESFORCE_INSTANCE_HOSTS: commaList("*.my.salesforce.com,*.salesforce.com,*.force.com").pipe(
    z.array(
      z
        .string()
        .regex(
          /^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$|^\[::1\](:\d{1,5})?$/,
          "must list host names like *.my.salesforce.com or 127.0.0.1:8443",
        ),
    ),
  ),
  PINNED_TRAITS: commaList("name,email,plan,company,lifetime_value,last_seen_at"),
  /** The Redis every instance shares (DESIGN §9). Unset: one instance, in-memory state. */
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\/[^\s]+$/, "must be a redis:// or rediss:// URL")
      .optional(),
  ),
  /** Longest wait for any one Redis command; past it the request goes on with this instance's own state. */
  REDIS_COMMAND_TIMEOUT_MS: int(5, 5_000, 200),
  // Roles and masking (DESIGN §10).
  OIDC_ROLES_CLAIM: z
    .string()
    .trim()
    .optional()
    .default("groups")
    .pipe(z.string().regex(/^[A-Za-z0-9_.:/-]{1,200}$/, "must be a claim name")),
  ROLE_MAP: roleMap,
  HOST_DEFAULT_ROLE: z.string().trim().optional().default("agent").pipe(role),
  DEMO_ROLES: roleMap,
  MASKED_TRAITS: lowerCaseList("address,birthday,date_of_birth,phone"),
  MASKED_ID_TYPES: lowerCaseList("phone").pipe(z.array(identifierType)),
  SUMMARY_TRAITS: commaList("plan,company,lifetime_value,last_seen_at"),
  IMPORTANT_EVENTS: commaList("Payment Failed,Support Ticket Opened,Order Completed,Subscription Cancelled"),
  FLAG_TRAITS: commaList("vip,vip_support,churn_risk"),
  TIMEZONE_TRAIT: z
    .string()
    .trim()
    .optional()
    .default("timezone")
    .pipe(z.string().regex(/^[A-Za-z0-9_.$-]{1,100}$/, "must be a trait key")),
  SUMMARY_CURRENCY: z
    .string()
    .trim()
    .optional()
    .default("USD")
    .pipe(z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD")),
  DEFAULT_PHONE_COUNTRY: z
    .string()
    .trim()
    .optional()
    .default("US")
    .pipe(z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 two-letter country code such as US")),
});

type Env = z.infer<typeof envSchema>;

export type AppConfig = Readonly<
  Omit<Env, "PROFILE_API_URL"> & {
    /** The upstream base URL: PROFILE_API_URL when set, else the region's documented host. */
    profileApiBaseUrl: string;
    demoEnabled: boolean;
    oidcEnabled: boolean;
  }
>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment; throws a ConfigError whose message is one line naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${String(issue.path[0] ?? "environment")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const e = result.data;
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  const oidcEnabled = oidcParts.every(Boolean);
  if (oidcParts.some(Boolean) && !oidcEnabled) {
    throw new ConfigError(
      "Invalid configuration: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together",
    );
  }
  const demoEnabled = Boolean(e.DEMO_PASSWORD);
  if (!demoEnabled && !oidcEnabled) {
    throw new ConfigError(
      "Invalid configuration: no sign-in configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or DEMO_PASSWORD for the demo sign-in",
    );
  }
  const { PROFILE_API_URL, ...rest } = e;
  return Object.freeze({
    ...rest,
    profileApiBaseUrl: PROFILE_API_URL ?? REGION_HOSTS[e.SEGMENT_REGION],
    demoEnabled,
    oidcEnabled,
  });
}

/**
 * next-auth v4 finds its own URL only in process.env (NEXTAUTH_URL, else AUTH_TRUST_HOST to derive it from the
 * request's X-Forwarded-Host/Proto, which Next.js fills in from Host). This is the one place that writes them, from APP_URL.
 */
export function exportAuthEnvironment(config: AppConfig): void {
  if (config.APP_URL) process.env.NEXTAUTH_URL = config.APP_URL;
  else process.env.AUTH_TRUST_HOST = "true";
}

/** What the agent views need of the configuration, as plain props for the browser (no secret in here). */
export function viewSettingsOf(config: AppConfig): ViewSettings {
  return {
    pinnedTraits: config.PINNED_TRAITS,
    summaryTraits: config.SUMMARY_TRAITS,
    importantEvents: config.IMPORTANT_EVENTS,
    flagTraits: config.FLAG_TRAITS,
    timezoneTrait: config.TIMEZONE_TRAIT,
    currency: config.SUMMARY_CURRENCY,
    phoneCountry: config.DEFAULT_PHONE_COUNTRY,
  };
}

let cached: AppConfig | undefined;

/** The validated configuration of this process, read from process.env on first use. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
