/**
 * A fake Profile API on loopback that answers every route with bodies sampled from seed 003's OpenAPI description
 * (./sampler.ts), one after the other per route, and the seed's documented 404 for every `notFoundEvery`-th call.
 * It counts what it served so a test can tell which answers were real data.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generateSync } from "json-schema-faker";
import { type Collection, RESOURCES, responseSchemas, type SampledResource, sampleAnswers } from "./sampler";

export type FakeUpstream = { url: string; served: { ok: number; notFound: number }; close(): Promise<void> };

export type FakeUpstreamOptions = { samplesPerRoute: number; seed: number; notFoundEvery?: number; port?: number };

const ROUTE = /^\/v1\/spaces\/[^/]+\/collections\/(users|accounts)\/profiles\/[^/]+\/([a-z_]+)$/;

export async function startFakeUpstream(options: FakeUpstreamOptions): Promise<FakeUpstream> {
  const answers = new Map<string, unknown[]>();
  const cursors = new Map<string, number>();
  RESOURCES.forEach((resource, r) =>
    (["users", "accounts"] as Collection[]).forEach((collection, c) =>
      answers.set(
        `${collection}/${resource}`,
        sampleAnswers(collection, resource, options.samplesPerRoute, options.seed + r * 10 + c),
      ),
    ),
  );
  const notFoundBody = generateSync(responseSchemas("users", "traits").notFound, { seed: options.seed });
  const served = { ok: 0, notFound: 0 };
  let calls = 0;

  const server: Server = createServer((request, response) => {
    const match = ROUTE.exec(new URL(request.url ?? "/", "http://x").pathname);
    const key = match ? `${match[1]}/${match[2]}` : "";
    const pool = answers.get(key);
    calls += 1;
    const headers = { "Content-Type": "application/json", "Request-Id": `fake-${calls}` };
    if (!pool || !RESOURCES.includes(match?.[2] as SampledResource)) {
      response.writeHead(400, headers).end('{"error":{"code":"validation_error","message":"unknown route"}}');
      return;
    }
    if (options.notFoundEvery && calls % options.notFoundEvery === 0) {
      served.notFound += 1;
      response.writeHead(404, headers).end(JSON.stringify(notFoundBody));
      return;
    }
    const index = cursors.get(key) ?? 0;
    cursors.set(key, index + 1);
    served.ok += 1;
    response.writeHead(200, headers).end(JSON.stringify(pool[index % pool.length]));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
