import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { FaultInjector } from "./faults";
import { errorForStatus, rateLimitError, sendError, sendJson, sendText, SimError } from "./http-util";
import type { SpaceRateLimiter } from "./rate-limit";
import type { RouteContext } from "./routes/context";
import { listUrl } from "./routes/cursor";
import { answerEvents } from "./routes/events";
import { answerExternalIds } from "./routes/external-ids";
import { answerLinks } from "./routes/links";
import { answerMetadata } from "./routes/metadata";
import { answerTraits } from "./routes/traits";
import type { Collection, Dataset } from "./seed/types";
import type { StatsCollector } from "./stats";

export type ApiDeps = {
  dataset: Dataset;
  token: string;
  spaceId: string;
  limiter: SpaceRateLimiter;
  faults: FaultInjector;
  stats: StatsCollector;
  baseUrl: () => string;
};

const ANSWERS = {
  traits: answerTraits,
  external_ids: answerExternalIds,
  events: answerEvents,
  metadata: answerMetadata,
  links: answerLinks,
} as const;
type Resource = keyof typeof ANSWERS;

type RawRoute = { space: string; collection: string; id: string; resource: Resource };

/** Splits the raw (still percent-encoded) path: `/v1/spaces/:space/collections/:collection/profiles/:id/:resource`. */
function matchRoute(rawPath: string): RawRoute | undefined {
  const s = rawPath.split("/");
  if (
    s.length !== 9 ||
    s[0] !== "" ||
    s[1] !== "v1" ||
    s[2] !== "spaces" ||
    s[4] !== "collections" ||
    s[6] !== "profiles"
  )
    return undefined;
  const resource = s[8] ?? "";
  if (!(resource in ANSWERS) || !s[3] || !s[5] || !s[7]) return undefined;
  return { space: s[3], collection: s[5], id: s[7], resource: resource as Resource };
}

const MALFORMED_BODY = '{"traits":{"first_name":"Ada","lifetime_value":48';

const HTML_BODY =
  "<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";

/** The answer plus a trait `deep_value` nested `depth` deep, built as text (JSON.stringify itself overflows on it). */
function withDeepTrait(body: unknown, depth: number): string {
  const text = JSON.stringify(body);
  const deep = '{"a":'.repeat(depth) + '"bottom"' + "}".repeat(depth);
  return text.replace('"traits":{', `"traits":{"deep_value":${deep},`);
}

/** A 200 whose body stops `bytes` in, well before the announced Content-Length: the socket is then destroyed. */
function sendTruncated(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(bytes + 1024) });
  const chunk = Buffer.alloc(Math.min(bytes, 64 * 1024), 0x20);
  let left = bytes;
  const writeMore = (): void => {
    while (left > 0) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) return void res.once("drain", writeMore);
    }
    res.socket?.destroy();
  };
  res.write('{"traits":{"padding":"');
  writeMore();
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  const [rawPath = "", rawQuery = ""] = (req.url ?? "/").split(/\?(.*)/s);
  const route = matchRoute(rawPath);
  deps.stats.request(route?.resource, rawPath);
  const delay = deps.faults.delayMs();
  if (delay > 0) await sleep(delay);
  const fault = deps.faults.decide();
  if (fault.kind === "drop") {
    deps.stats.outcome("dropped");
    req.socket.destroy();
    return;
  }
  res.on("finish", () => deps.stats.outcome(res.statusCode));
  const { requestIdOverride, deepTraitDepth } = deps.faults.current;
  if (requestIdOverride) res.setHeader("Request-Id", requestIdOverride);
  try {
    if (fault.kind === "malformed") return sendText(res, 200, MALFORMED_BODY);
    if (fault.kind === "html") return sendText(res, 200, HTML_BODY, { "Content-Type": "text/html; charset=utf-8" });
    if (fault.kind === "truncated") return sendTruncated(res, fault.bytes);
    if (fault.kind === "reject-auth") throw errorForStatus(401, 0);
    if (fault.kind === "burst") throw rateLimitError(deps.faults.current.retryAfterSeconds);
    if (fault.kind === "error") throw errorForStatus(fault.status, deps.faults.current.retryAfterSeconds);
    const body = answer(req, route, new URLSearchParams(rawQuery), deps);
    if (deepTraitDepth > 0 && route?.resource === "traits")
      return sendText(res, 200, withDeepTrait(body, deepTraitDepth));
    sendJson(res, 200, body);
  } catch (error) {
    sendError(
      res,
      error instanceof SimError
        ? error
        : new SimError(500, "internal_error", "Something went wrong on Segment's side."),
    );
  }
}

function answer(req: IncomingMessage, route: RawRoute | undefined, query: URLSearchParams, deps: ApiDeps): unknown {
  if (req.method !== "GET") throw new SimError(405, "method_not_allowed", "Only GET is supported.", { Allow: "GET" });
  checkAuth(req.headers.authorization, deps.token);
  if (!route) throw new SimError(404, "not_found", "The requested resource doesn't exist.");
  if (decodeOnce(route.space, "space_id") !== deps.spaceId)
    throw new SimError(404, "not_found", "Space was not found.");
  const admitted = deps.limiter.admit(deps.spaceId);
  if (!admitted.ok) throw rateLimitError(admitted.retryAfterSeconds);
  const collection = readCollection(route.collection);
  const { type, value } = readIdentifier(route.id);
  const profile = deps.dataset.find(collection, type, value);
  if (!profile) throw new SimError(404, "not_found", "Profile was not found.");
  const path = `/v1/spaces/${deps.spaceId}/collections/${collection}/profiles/${type}:${encodeURIComponent(value)}/${route.resource}`;
  const ctx: RouteContext = {
    profile,
    query,
    anchorMs: deps.dataset.anchor.getTime(),
    urlWith: (next) =>
      listUrl(deps.baseUrl(), path, { collection, id: `${type}:${value}`, space: deps.spaceId }, query, next),
  };
  return ANSWERS[route.resource](ctx);
}

function checkAuth(header: string | undefined, token: string): void {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  const credentials = match ? Buffer.from(match[1] ?? "", "base64").toString("utf8") : undefined;
  if (credentials !== `${token}:`)
    throw new SimError(401, "authentication_error", "Failure to properly authenticate yourself in the request.");
}

function decodeOnce(segment: string, name: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new SimError(400, "invalid_request_error", `The parameter \`${name}\` is not validly percent-encoded.`);
  }
}

function readCollection(raw: string): Collection {
  const name = decodeOnce(raw, "collection");
  const bad = [...new Set(name.replace(/[A-Za-z0-9_-]/g, ""))].join("");
  if (bad)
    throw new SimError(400, "validation_error", `The parameter \`collection\` has invalid character(s) \`${bad}\``);
  if (name !== "users" && name !== "accounts") throw new SimError(404, "not_found", "Collection was not found.");
  return name;
}

/** Decodes the id segment exactly once; a literal `+` reads as a space, as on the real API (hence `%2B`). */
function readIdentifier(raw: string): { type: string; value: string } {
  const text = decodeOnce(raw.replace(/\+/g, " "), "id");
  const colon = text.indexOf(":");
  if (colon <= 0 || colon === text.length - 1)
    throw new SimError(400, "validation_error", "The parameter `id` must be an external id like `type:value`.");
  return { type: text.slice(0, colon), value: text.slice(colon + 1) };
}
