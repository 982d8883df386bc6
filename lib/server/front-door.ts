import { randomUUID } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { buildFallbackSecurityHeaders } from "@/lib/security/headers";

/**
 * The app's front door: the Node request handler of `npm start` (scripts/start.ts) runs this before handing the
 * request to Next.js. Some answers are made before any of our route code (or proxy.ts) runs: Next's own URL decoding
 * (a bad `%` escape was a 500 text/plain), its trailing-slash redirects, its 404 for `/favicon.ico`, a 500 from a
 * library. Here every response gets the security headers, and requests Next would mishandle get a clear 4xx.
 */

/**
 * Longer addresses are refused (414): an identifier is at most 1,000 characters, 12 KB once fully escaped. (Above
 * Node's 16 KB header limit the server itself refuses with 431: see answerClientError.)
 */
export const MAX_URL_LENGTH = 14 * 1024;
/** Request bodies the app accepts: sign-in forms and host assertions (a Canvas signed request is a few KB). */
export const MAX_BODY_BYTES = 256 * 1024;

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type FrontDoorOptions = { extraFrameAncestors: readonly string[]; appUrl?: string };

type Refusal = { status: number; code: string; message: string };

/** Why this request is refused before Next.js sees it, if it is. */
export function checkRequest(method: string, url: string, headers: IncomingMessage["headers"]): Refusal | undefined {
  if (url.length > MAX_URL_LENGTH)
    return { status: 414, code: "invalid_request_error", message: "The address is too long." };
  const pathname = url.split("?")[0] ?? "";
  try {
    decodeURIComponent(pathname);
  } catch {
    return { status: 400, code: "invalid_request_error", message: "The address contains an invalid percent-escape." };
  }
  if (BODY_METHODS.has(method)) return checkBodySize(headers);
  return undefined;
}

/**
 * Node's parser never reads past Content-Length, so a declared length within the limit bounds the body. A body
 * without one (chunked) could be any size: browsers and hosts always send the length for forms, so it is refused.
 */
function checkBodySize(headers: IncomingMessage["headers"]): Refusal | undefined {
  const declared = headers["content-length"];
  if (declared === undefined) {
    if (headers["transfer-encoding"] === undefined) return undefined;
    return { status: 411, code: "invalid_request_error", message: "Request bodies must declare their Content-Length." };
  }
  if (!/^\d{1,12}$/.test(declared) || Number(declared) > MAX_BODY_BYTES) {
    return {
      status: 413,
      code: "invalid_request_error",
      message: `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KB.`,
    };
  }
  return undefined;
}

/** Served over https: directly (a TLS terminator in front says so in X-Forwarded-Proto) or per APP_URL. */
function isHttps(req: IncomingMessage, appUrl: string | undefined): boolean {
  const forwarded = String(req.headers["x-forwarded-proto"] ?? "")
    .split(",")[0]
    ?.trim();
  return forwarded === "https" || (appUrl?.startsWith("https://") ?? false);
}

function hasHeader(res: ServerResponse, given: OutgoingHttpHeaders | undefined, name: string): boolean {
  if (res.hasHeader(name)) return true;
  return given !== undefined && Object.keys(given).some((key) => key.toLowerCase() === name.toLowerCase());
}

/**
 * Fills in the security headers a response lacks, at the moment its head is written (every response passes through
 * writeHead, also implicitly). Headers proxy.ts or a route set (the CSP with its nonce) are kept as they are.
 */
export function addMissingHeadersOnWrite(req: IncomingMessage, res: ServerResponse, options: FrontDoorOptions): void {
  const fallback = buildFallbackSecurityHeaders(options.extraFrameAncestors, isHttps(req, options.appUrl));
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = (...args: unknown[]) => {
    const given = args.find(
      (arg): arg is OutgoingHttpHeaders => typeof arg === "object" && arg !== null && !Array.isArray(arg),
    );
    for (const [name, value] of Object.entries(fallback)) {
      if (!hasHeader(res, given, name)) res.setHeader(name, value);
    }
    // Next's redirects repeat the address in a `Refresh` header: a 12 KB address made 24 KB of headers.
    const status = typeof args[0] === "number" ? args[0] : res.statusCode;
    if (status >= 300 && status < 400 && res.hasHeader("location")) res.removeHeader("refresh");
    return writeHead(...args);
  };
}

/** Answers a refused request: JSON under /api (DESIGN §4's error shape), plain text elsewhere. One log line. */
export function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const requestId = randomUUID();
  const isApi = (req.url ?? "").startsWith("/api/") || req.url === "/api";
  const body = isApi
    ? JSON.stringify({ error: { code: refusal.code, message: refusal.message, request_id: requestId } })
    : `${refusal.message}\n`;
  res.writeHead(refusal.status, {
    "Content-Type": isApi ? "application/json" : "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "private, no-store",
    "X-Request-Id": requestId,
    // The body was not read: the connection cannot be reused for a next request.
    ...(BODY_METHODS.has(req.method ?? "") ? { Connection: "close" } : {}),
  });
  res.end(body);
  const line = {
    time: new Date().toISOString(),
    level: "warn",
    msg: "request",
    method: req.method,
    route: "(refused before routing)",
    status: refusal.status,
    latency_ms: 0,
    request_id: requestId,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/**
 * Node's own refusals (headers over 16 KB → 431, unparsable requests → 400) happen before any handler: answered here
 * with the security headers, instead of Node's bare status line.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, options: FrontDoorOptions): void {
  if (!socket.writable || error.code === "ECONNRESET") return void socket.destroy();
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
  const reason = status === 431 ? "Request Header Fields Too Large" : "Bad Request";
  const headers = {
    ...buildFallbackSecurityHeaders(options.extraFrameAncestors, false),
    "Content-Length": "0",
    Connection: "close",
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n`);
}

/** The handler `npm start` serves: headers on everything, refusals before Next.js, then Next.js itself. */
export function createFrontDoor(
  next: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: FrontDoorOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    addMissingHeadersOnWrite(req, res, options);
    const refusal = checkRequest(req.method ?? "GET", req.url ?? "/", req.headers);
    if (refusal) return refuse(req, res, refusal);
    next(req, res).catch(() => {
      if (!res.headersSent)
        refuse(req, res, { status: 500, code: "internal_error", message: "Something went wrong on our side." });
      else res.destroy();
    });
  };
}
