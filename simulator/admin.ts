import type { IncomingMessage, ServerResponse } from "node:http";
import { faultsPatchSchema, type FaultInjector } from "./faults";
import { sendError, sendJson, SimError } from "./http-util";
import { appendEvent, assertLoopback } from "./live-events";
import type { Dataset } from "./seed/types";
import type { StatsCollector } from "./stats";

const MAX_BODY = 64 * 1024;

/** `/__admin/*`: no auth, not rate-limited, not counted. The app never calls these. */
export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { faults: FaultInjector; stats: StatsCollector; dataset: Dataset },
): Promise<void> {
  const path = (req.url ?? "").split("?")[0];
  const key = `${req.method} ${path}`;
  try {
    switch (key) {
      case "GET /__admin/health":
        return sendJson(res, 200, { status: "ok" });
      case "GET /__admin/faults":
        return sendJson(res, 200, deps.faults.current);
      case "PUT /__admin/faults":
        deps.faults.set(parsePatch(await readBody(req)));
        return sendJson(res, 200, deps.faults.current);
      case "POST /__admin/faults/reset":
        deps.faults.reset();
        return sendJson(res, 200, deps.faults.current);
      case "GET /__admin/stats":
        return sendJson(res, 200, deps.stats.snapshot());
      case "POST /__admin/stats/reset":
        deps.stats.reset();
        return sendJson(res, 200, deps.stats.snapshot());
      case "POST /__admin/events":
        assertLoopback(req.socket.remoteAddress);
        return sendJson(res, 201, appendEvent(deps.dataset, parseJson(await readBody(req))));
      default:
        throw new SimError(404, "not_found", "Unknown admin endpoint.");
    }
  } catch (error) {
    sendError(
      res,
      error instanceof SimError ? error : new SimError(400, "invalid_request_error", (error as Error).message),
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SimError(400, "invalid_request_error", "The body must be JSON.");
  }
}

function parsePatch(text: string): ReturnType<typeof faultsPatchSchema.parse> {
  const json = parseJson(text);
  const parsed = faultsPatchSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SimError(
      400,
      "invalid_request_error",
      `Invalid faults: ${issue?.path.join(".") || "body"} ${issue?.message ?? ""}`.trim(),
    );
  }
  return parsed.data;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SimError(413, "invalid_request_error", "The body is too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
