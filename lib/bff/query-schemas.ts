import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/core/error-body";
import type { EventsQuery, ExternalIdsQuery, LinksQuery, MetadataQuery, TraitsQuery } from "@/lib/profile-api/client";

/**
 * Strict query validation per route (DESIGN §4). Each schema reads the raw `?a=b` strings and produces the
 * client's typed query; unknown parameters, repeated parameters and out-of-range values are 400s that name the
 * parameter. Nothing reaches the Profile API that was not validated here.
 */

const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const MAX_LIST_ITEMS = 100;
const MAX_ITEM_LENGTH = 256;
// ISO 8601 date or date-time, as the Profile API documents for `start`/`end`.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const limit = (max: number) =>
  z.string().transform((v, ctx) => {
    const n = Number(v);
    if (!/^\d{1,6}$/.test(v) || n < 1 || n > max) {
      ctx.addIssue({ code: "custom", message: `must be a whole number from 1 to ${max}` });
      return z.NEVER;
    }
    return n;
  });

/** A comma-separated list of names (trait keys, event names, identifier types). */
const nameList = z.string().transform((v, ctx) => {
  const items = v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad =
    items.length === 0 ||
    items.length > MAX_LIST_ITEMS ||
    items.some((s) => s.length > MAX_ITEM_LENGTH || CONTROL.test(s));
  if (bad) {
    ctx.addIssue({ code: "custom", message: `must be a comma-separated list of 1 to ${MAX_LIST_ITEMS} names` });
    return z.NEVER;
  }
  return items;
});

const booleanFlag = z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true");

const cursor = z
  .string()
  .min(1, "must not be empty")
  .max(2048, "is too long")
  .refine((v) => !CONTROL.test(v), "contains control characters");

const isoTime = z
  .string()
  .refine((v) => ISO_8601.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date or date-time");

export const traitsQuerySchema = z.strictObject({
  class: z.enum(["audience", "computed_trait"], { message: "must be audience or computed_trait" }).optional(),
  include: nameList.optional(),
  limit: limit(200).optional(),
  next: cursor.optional(),
  verbose: booleanFlag.optional(),
}) satisfies z.ZodType<TraitsQuery>;

export const externalIdsQuerySchema = z.strictObject({
  include: nameList.optional(),
  limit: limit(100).optional(),
  next: cursor.optional(),
  verbose: booleanFlag.optional(),
}) satisfies z.ZodType<ExternalIdsQuery>;

export const eventsQuerySchema = z
  .strictObject({
    start: isoTime.optional(),
    end: isoTime.optional(),
    include: nameList.optional(),
    exclude: nameList.optional(),
    limit: limit(100).optional(),
    sort: z.enum(["asc", "desc"], { message: "must be asc or desc" }).optional(),
    next: cursor.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.start && q.end && Date.parse(q.start) > Date.parse(q.end)) {
      ctx.addIssue({ code: "custom", path: ["start"], message: "must not be later than `end`" });
    }
  }) satisfies z.ZodType<EventsQuery>;

/** The live timeline's poll (…/events/new): `after` is required; the name filters are the timeline's own. */
export const newEventsQuerySchema = z.strictObject({
  after: isoTime,
  include: nameList.optional(),
  exclude: nameList.optional(),
});

export const metadataQuerySchema = z.strictObject({
  verbose: booleanFlag.optional(),
}) satisfies z.ZodType<MetadataQuery>;

export const linksQuerySchema = z.strictObject({
  limit: limit(20).optional(),
  next: cursor.optional(),
}) satisfies z.ZodType<LinksQuery>;

/** The summary takes no parameters: `?anything` is a 400 like on every other route. */
export const summaryQuerySchema = z.strictObject({});

export type QuerySchema<Q> = z.ZodType<Q, Record<string, string>>;

function invalid(message: string): AppError {
  return new AppError("invalid_request_error", message);
}

/** Validates a query string against a route's schema; throws a 400 AppError naming the first bad parameter. */
export function parseQuery<Q>(schema: QuerySchema<Q>, params: URLSearchParams): Q {
  // No prototype: on a plain object `raw["__proto__"] = v` sets the prototype instead of a key, so `?__proto__=x`
  // slipped past the unknown-parameter check (and a repeated one past the duplicate check).
  const raw = Object.create(null) as Record<string, string>;
  for (const [key, value] of params) {
    if (Object.hasOwn(raw, key)) throw invalid(`The query parameter \`${key}\` is given more than once.`);
    raw[key] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    throw invalid(`Unknown query parameter \`${issue.keys[0] ?? "?"}\`.`);
  }
  const name = String(issue?.path[0] ?? "query");
  throw invalid(`The query parameter \`${name}\` ${issue?.message ?? "is invalid"}.`);
}
