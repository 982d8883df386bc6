/** The simulator as a child process, with its admin endpoints (stats, faults) the bench reads. */
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
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/__admin/${path}`, {
      method,
      headers: body ? { "content-type": "application/json" } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`simulator admin ${method} ${path}: HTTP ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  return {
    url,
    child,
    stats: async () => (await admin("GET", "stats")) as SimStats,
    resetStats: async () => void (await admin("POST", "stats/reset")),
    setFaults: async (faults) => void (await admin("PUT", "faults", faults)),
  };
}

/** The Authorization header the simulator expects (the documented Basic scheme: token as user, no password). */
export const SIM_AUTH = `Basic ${Buffer.from(`${SIM_DEFAULTS.token}:`).toString("base64")}`;

export function simProfileUrl(sim: { url: string }, collection: string, id: string, resource: string, query = ""): string {
  const [type, ...rest] = id.split(":");
  const segment = `${type}:${encodeURIComponent(rest.join(":"))}`;
  return `${sim.url}/v1/spaces/${SIM_DEFAULTS.spaceId}/collections/${collection}/profiles/${segment}/${resource}${query}`;
}
