/**
 * The naive baseline the bench compares the BFF against: how public Profile API samples proxy
 * a call. One fetch per agent request, a fresh connection each time (a new undici Agent, closed
 * afterwards), no cache, no coalescing, no rate limiter, no retries. Not part of the app.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent, fetch } from "undici";

export type NaiveProxy = { url: string; close: () => Promise<void> };

export async function startNaiveProxy(options: {
  upstream: string;
  spaceId: string;
  token: string;
}): Promise<NaiveProxy> {
  const auth = `Basic ${Buffer.from(`${options.token}:`).toString("base64")}`;
  const server: Server = createServer((req, res) => {
    // /api/profiles/<collection>/<id>/<resource>?query → the same path upstream, forwarded as is.
    const match = /^\/api\/profiles\/([^/]+)\/([^/]+)\/([^/?]+)(\?.*)?$/.exec(req.url ?? "");
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const [, collection, id, resource, query = ""] = match;
    const target = `${options.upstream}/v1/spaces/${options.spaceId}/collections/${collection}/profiles/${id}/${resource}${query}`;
    const dispatcher = new Agent({ pipelining: 0 });
    fetch(target, { headers: { authorization: auth }, dispatcher })
      .then(async (upstream) => {
        const body = await upstream.text();
        res.writeHead(upstream.status, { "content-type": "application/json" }).end(body);
      })
      .catch(() => res.writeHead(502).end())
      .finally(() => void dispatcher.close());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
