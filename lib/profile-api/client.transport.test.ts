import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { SEED_IDS, SIM_DEFAULTS } from "@/simulator/seed-ids";
import { createProfileApi, type UpstreamLimiter } from "./client";
import { clientFor, id, settingsFor, startSim } from "./test/harness";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});

describe("one keep-alive pool", () => {
  it("sequential calls reuse one connection", async () => {
    const api = clientFor(sim, { poolConnections: 8 });
    sim.resetStats();
    try {
      for (let i = 0; i < 20; i++) await api.traits("users", id(SEED_IDS.ada.userId));
      expect(sim.stats().requests.total).toBe(20);
      expect(sim.stats().connections.opened).toBeLessThanOrEqual(2);
    } finally {
      await api.close();
    }
  });

  it("50 concurrent calls open at most poolConnections connections", async () => {
    const api = clientFor(sim, { poolConnections: 4 });
    sim.resetStats();
    try {
      // Fifty different questions (distinct limits), so none is answered by coalescing with another.
      const calls = Array.from({ length: 50 }, (_, i) =>
        api.events("users", id(SEED_IDS.heavy.userId), { limit: i + 1 }),
      );
      const results = await Promise.all(calls);
      expect(results.map((r) => r.body.data.length)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(sim.stats().requests.total).toBe(50);
      expect(sim.stats().connections.opened).toBeGreaterThan(1);
      expect(sim.stats().connections.opened).toBeLessThanOrEqual(4);
    } finally {
      await api.close();
    }
  });
});

describe("the limiter seam", () => {
  it("is asked before every attempt, released after each, and told about each 429", async () => {
    const calls: string[] = [];
    const limiter: UpstreamLimiter = {
      acquire: (deadlineAt) => {
        calls.push(deadlineAt > Date.now() ? "acquire" : "acquire-late");
        return Promise.resolve(() => void calls.push("release"));
      },
      onRateLimited: (ms) => void calls.push(`429:${ms}`),
    };
    const api = createProfileApi(settingsFor(sim), { limiter });
    sim.setFaults({ rateLimitBurst: 1, retryAfterSeconds: 1 });
    try {
      await api.traits("users", id(SEED_IDS.ada.userId));
      expect(calls).toEqual(["acquire", "release", "429:1000", "acquire", "release"]);
    } finally {
      sim.resetFaults();
      await api.close();
    }
  });
});

describe("what goes on the wire", () => {
  it("Basic auth as documented, JSON accept, our user agent, and an encoded path that keeps its shape", async () => {
    const seen: { url?: string; headers?: IncomingHttpHeaders } = {};
    const server = createServer((req, res) => {
      seen.url = req.url;
      seen.headers = req.headers;
      res.writeHead(200, { "content-type": "application/json", "request-id": "req-capture" });
      res.end(JSON.stringify({ data: [], cursor: { has_more: false, next: "" } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const api = createProfileApi({ ...settingsFor(sim), baseUrl: `http://127.0.0.1:${port}`, spaceId: "spa/x?y" });
    try {
      const res = await api.events("users", id(SEED_IDS.weird.userId), {
        include: ["Order Completed", "a,b"],
        limit: 5,
        sort: "asc",
      });
      expect(res.requestId).toBe("req-capture");
      expect(seen.headers?.authorization).toBe(`Basic ${Buffer.from(`${SIM_DEFAULTS.token}:`).toString("base64")}`);
      expect(seen.headers?.accept).toBe("application/json");
      expect(seen.headers?.["user-agent"]).toMatch(/^profile-sidebar\/\d+\.\d+\.\d+$/);
      const url = new URL(seen.url ?? "", "http://x");
      expect(url.pathname).toBe(
        "/v1/spaces/spa%2Fx%3Fy/collections/users/profiles/user_id:we%2Fird%3F%23%25%2B%20..%C3%BC/events",
      );
      expect(url.hash).toBe("");
      expect(Object.fromEntries(url.searchParams)).toEqual({ include: "Order Completed,a,b", limit: "5", sort: "asc" });
    } finally {
      await api.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("answers that do not match the documented shape", () => {
  it("valid JSON in the wrong shape is malformed, retried, with the Request-Id kept", async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { "content-type": "application/json", "request-id": `req-${requests}` });
      res.end(JSON.stringify({ traits: "not an object" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const api = createProfileApi({ ...settingsFor(sim), baseUrl: `http://127.0.0.1:${port}`, maxAttempts: 3 });
    try {
      await expect(api.traits("users", id(SEED_IDS.ada.userId))).rejects.toMatchObject({
        kind: "malformed",
        requestId: "req-3",
      });
      expect(requests).toBe(3);
    } finally {
      await api.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("an answer too large to hold", () => {
  it("is refused as malformed once, not fetched again", async () => {
    const api = createProfileApi(settingsFor(sim), { maxResponseBytes: 2_000 });
    sim.resetStats();
    try {
      await expect(api.events("users", id(SEED_IDS.heavy.userId), { limit: 100 })).rejects.toMatchObject({
        kind: "malformed",
      });
      expect(sim.stats().requests.total).toBe(1);
      // Small answers still pass through the same pool.
      const small = await api.metadata("users", id(SEED_IDS.heavy.userId));
      expect(typeof small.body.metadata.created_at).toBe("string");
    } finally {
      await api.close();
    }
  });
});
