import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { handleAdmin } from "./admin";
import { handleApi } from "./api";
import { FaultInjector, type Faults } from "./faults";
import { newRequestId, sendError, SimError } from "./http-util";
import { SpaceRateLimiter } from "./rate-limit";
import { buildDataset, DEFAULT_SEED } from "./seed/dataset";
import { createRng, hashSeed } from "./seed/rng";
import { SIM_DEFAULTS } from "./seed-ids";
import { StatsCollector, type SimulatorStats } from "./stats";

export type { Faults } from "./faults";
export type { SimulatorStats } from "./stats";

export type SimulatorOptions = {
  /** 0 = ephemeral. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  token?: string;
  spaceId?: string;
  /** Requests per second per space, default 100; 0 disables. */
  rateLimit?: number;
  /** Clock anchor for the seed data and the 14-day events window (default: start time). */
  now?: Date;
  faults?: Partial<Faults>;
  seed?: number;
};

export type RunningSimulator = {
  url: string;
  port: number;
  close(): Promise<void>;
  setFaults(f: Partial<Faults>): void;
  resetFaults(): void;
  stats(): SimulatorStats;
  resetStats(): void;
  /** Raw paths of the last 20,000 API requests (in-process only; reset with the stats). */
  recentPaths(): string[];
};

/** Starts the Profile API simulator; resolves once it listens. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seed = options.seed ?? DEFAULT_SEED;
  const dataset = buildDataset(seed, options.now ?? new Date());
  const faults = new FaultInjector(options.faults ?? {}, createRng(hashSeed(seed, "faults")));
  const stats = new StatsCollector();
  let url = "";
  const deps = {
    dataset,
    token: options.token ?? SIM_DEFAULTS.token,
    spaceId: options.spaceId ?? SIM_DEFAULTS.spaceId,
    limiter: new SpaceRateLimiter(options.rateLimit ?? SIM_DEFAULTS.rateLimit),
    faults,
    stats,
    baseUrl: () => url,
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.setHeader("Request-Id", newRequestId());
    const handle = (req.url ?? "").startsWith("/__admin/") ? handleAdmin(req, res, deps) : handleApi(req, res, deps);
    handle.catch(() => sendError(res, new SimError(500, "internal_error", "Something went wrong on Segment's side.")));
  });
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    stats.connectionOpened();
    socket.on("close", () => {
      sockets.delete(socket);
      stats.connectionClosed();
    });
  });
  server.keepAliveTimeout = 10_000;

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? SIM_DEFAULTS.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
    setFaults: (f) => faults.set(f),
    resetFaults: () => faults.reset(),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    recentPaths: () => stats.recentPaths(),
  };
}
