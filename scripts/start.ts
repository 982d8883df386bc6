/**
 * `npm start`: validate configuration, then serve the built app through our front door (lib/server/front-door.ts).
 * Next.js runs instrumentation lazily (on the first request), so without the check here a misconfigured server would
 * look healthy until someone used it. The front door wraps Next's request handler so that the answers Next makes on
 * its own (bad escapes, redirects, its 404s and 500s) carry the security headers too. Run with
 * `--conditions=react-server` so the `server-only` guard in lib/config resolves as it does inside Next's server bundle.
 */
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { ConfigError, parseConfig } from "../lib/config";
import { answerClientError, createFrontDoor } from "../lib/server/front-door";

let config: ReturnType<typeof parseConfig>;
try {
  config = parseConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

if (!config.AUDIT_ENABLED) {
  console.warn(
    JSON.stringify({ level: "warn", msg: "AUDIT_ENABLED=false: profile views are NOT recorded in the audit trail" }),
  );
}

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const app = next({ dev: false, dir, hostname: config.HOST, port: config.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const frontDoorOptions = { extraFrameAncestors: config.EMBED_ALLOWED_ORIGINS, appUrl: config.APP_URL };
const server = createServer(createFrontDoor((req, res) => handle(req, res), frontDoorOptions));
server.on("clientError", (error: NodeJS.ErrnoException, socket) => answerClientError(error, socket, frontDoorOptions));
server.listen(config.PORT, config.HOST, () => console.log(`> Ready on http://${config.HOST}:${config.PORT}`));

function shutDown(): void {
  server.close(() => void app.close().finally(() => process.exit(0)));
  // Keep-alive sockets would hold close() open; idle ones go now, busy ones after their response.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, shutDown);
