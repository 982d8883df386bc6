/** The simulator as a child process, with its admin endpoints (stats, faults) the bench reads. */
import { Pool } from "undici";
import { SIM_DEFAULTS } from "../../simulator/seed-ids";
import { startChild, waitForHealth, type Child } from "./processes";

export type SimStats = {
  requests: { total: number; byRoute: Record<string, number>; byStatus: Record<string, number> };
  connections: { open: number; opened: number };
  peakRequestsPerSecond: number;
  rateLimited: number;
};

export type Sim = {
  url: string;
  child: Child;
  stats: () => Promise<SimStats>;
  resetStats: () => Promise<void>;
  /** Connections opened since the last reset by anything but the bench's own admin calls. */
  appConnectionsOpened: () => Promise<number>;
  setFaults: (faults: Record<string, unknown>) => Promise<void>;
};

export async function startSim(port: number, options: { rateLimit: number; latencyMs: number }): Promise<Sim> {
  const url = `http://127.0.0.1:${port}`;
  const child = startChild("simulator", "node_modules/.bin/tsx", ["simulator/cli.ts"], {
    SIM_PORT: String(port),
    SIM_HOST: "127.0.0.1",
    SIM_RATE_LIMIT: String(options.rateLimit),
    SIM_LATENCY_MS: String(options.latencyMs),
    SIM_TOKEN: SIM_DEFAULTS.token,
    SIM_SPACE_ID: SIM_DEFAULTS.spaceId,
  });
  await waitForHealth(child, `${url}/__admin/health`);
  // The simulator counts every TCP connection, its admin ones too: the bench's admin calls use
  // their own one-connection pool, whose connects are counted here and subtracted.
  const adminPool = new Pool(url, { connections: 1 });
  let adminConnects = 0;
  let adminConnectsAtReset = 0;
  adminPool.on("connect", () => adminConnects++);
  const admin = async (method: "GET" | "PUT" | "POST", path: string, body?: unknown) => {
    const res = await adminPool.request({
      path: `/__admin/${path}`,
      method,
      headers: body ? { "content-type": "application/json" } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    const json: unknown = await res.body.json();
    if (res.statusCode >= 400) throw new Error(`simulator admin ${method} ${path}: HTTP ${res.statusCode}`);
    return json;
  };
  const stats = async () => (await admin("GET", "stats")) as SimStats;
  const stop = child.stop;
  child.stop = async () => {
    await adminPool.close();
    await stop();
  };
  return {
    url,
    child,
    stats,
    resetStats: async () => {
      await admin("POST", "stats/reset");
      adminConnectsAtReset = adminConnects;
    },
    appConnectionsOpened: async () => {
      const opened = (await stats()).connections.opened;
      return opened - (adminConnects - adminConnectsAtReset);
    },
    setFaults: async (faults) => void (await admin("PUT", "faults", faults)),
  };
}

/** The Authorization header the simulator expects (the documented Basic scheme: token as user, no password). */
export const SIM_AUTH = `Basic ${Buffer.from(`${SIM_DEFAULTS.token}:`).toString("base64")}`;

export function simProfileUrl(
  sim: { url: string },
  collection: string,
  id: string,
  resource: string,
  query = "",
): string {
  const [type, ...rest] = id.split(":");
  const segment = `${type}:${encodeURIComponent(rest.join(":"))}`;
  return `${sim.url}/v1/spaces/${SIM_DEFAULTS.spaceId}/collections/${collection}/profiles/${segment}/${resource}${query}`;
}

/**
 * Samples the simulator's open connections every 100 ms until stopped: the most the app held
 * at once (the bench's own admin connection subtracted), which the pool bound caps.
 */
export function sampleMaxOpen(sim: Sim): { stop: () => Promise<number> } {
  let max = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const open = (await sim.stats()).connections.open - 1;
      max = Math.max(max, open);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return max;
    },
  };
}
