import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/core/error-body";
import { formatIdentifier, parseIdentifier } from "@/lib/core/identifiers";
import { parseQuery } from "@/lib/bff/query-schemas";
import { AUDIT_ACTIONS, type AuditAction } from "./types";

/** The auditor's filters (DESIGN §10), validated; `profile` still in clear (in memory only). */
export type AuditReadFilter = {
  agent?: string;
  profile?: string;
  action?: AuditAction;
  since?: string;
  until?: string;
  /** Only entries older than this seq: the decoded `next` cursor. */
  beforeSeq?: number;
  limit: number;
};

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// A date (UTC midnight) or a date-time with its zone: a zone-less time would mean the server's zone, which nobody sees.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;
const CURSOR = /^v1\.(\d{1,15})$/;

/** The `next` cursor: opaque to callers (base64url), a seq to us. Filters are sent again with it, not kept in it. */
export function encodeAuditCursor(seq: number): string {
  return Buffer.from(`v1.${seq}`, "utf8").toString("base64url");
}

function decodeAuditCursor(cursor: string): number | null {
  const match = CURSOR.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match ? Number(match[1]) : null;
}

/** Stored times are `toISOString()` strings, so comparing normalised strings compares instants. */
const isoTime = z.string().transform((v, ctx) => {
  const ms = ISO_WITH_ZONE.test(v) ? Date.parse(v) : Number.NaN;
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date or a date-time with a zone (Z or ±hh:mm)" });
    return z.NEVER;
  }
  return new Date(ms).toISOString();
});

const auditFilterSchema = z
  .strictObject({
    agent: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(200, "is too long")
      .refine((v) => !CONTROL.test(v), "contains control characters")
      .optional(),
    profile: z
      .string()
      .transform((v, ctx) => {
        const parsed = parseIdentifier(v.trim());
        if (parsed.ok) return formatIdentifier(parsed.identifier);
        ctx.addIssue({ code: "custom", message: `must be an identifier type:value (${parsed.message})` });
        return z.NEVER;
      })
      .optional(),
    action: z.enum(AUDIT_ACTIONS, { message: `must be one of ${AUDIT_ACTIONS.join(", ")}` }).optional(),
    since: isoTime.optional(),
    until: isoTime.optional(),
    next: z
      .string()
      .transform((v, ctx) => {
        const seq = v.length <= 64 ? decodeAuditCursor(v) : null;
        if (seq !== null) return seq;
        ctx.addIssue({ code: "custom", message: "is not a cursor this route gave out" });
        return z.NEVER;
      })
      .optional(),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_PAGE_SIZE, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
      .optional(),
  })
  .superRefine((f, ctx) => {
    if (f.since && f.until && f.since >= f.until) {
      ctx.addIssue({ code: "custom", path: ["since"], message: "must be earlier than `until`" });
    }
  });

/**
 * The filters from a query string or a form/JSON body turned into parameters: unknown or repeated names, and bad
 * values, are 400s naming the filter (lib/bff's parseQuery). Empty values mean "no filter" (an empty form field).
 */
export function parseAuditFilter(params: URLSearchParams): AuditReadFilter {
  const present = new URLSearchParams([...params].filter(([, value]) => value !== ""));
  const { next, limit, ...rest } = parseQuery(auditFilterSchema, present);
  return { ...rest, ...(next !== undefined ? { beforeSeq: next } : {}), limit: limit ?? DEFAULT_PAGE_SIZE };
}

const MAX_BODY_BYTES = 8192;

/**
 * The filters of a POST (the admin page's search and export: the customer identifier stays out of URLs), as a JSON
 * object of strings or an HTML form. Anything else is a 400.
 */
export async function readAuditFilterBody(request: Request): Promise<URLSearchParams> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("invalid_request_error", "The request body is too large.");
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded")) return new URLSearchParams(text);
  if (!type.startsWith("application/json")) {
    throw new AppError("invalid_request_error", "Send the filters as JSON or as a form.");
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("invalid_request_error", "The body is not valid JSON.");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new AppError("invalid_request_error", "The body must be a JSON object of filters.");
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(json)) {
    if (value === null || value === undefined) continue;
    if (typeof value !== "string" && typeof value !== "number") {
      throw new AppError("invalid_request_error", `The filter \`${key}\` must be a string.`);
    }
    params.append(key, String(value));
  }
  return params;
}
