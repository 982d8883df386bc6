// Each fetcher (and each QueryClient) sends its own bearer token: two embedded sessions never share one.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { QueryClient } from "@tanstack/react-query";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createBffFetcher } from "./bff-fetch";
import { bffFetcherOf } from "./client-fetcher";
import { summaryQuery } from "./profiles";
import { makeQueryClient } from "./query-client";

let server: Server;
let origin = "";
/** The Authorization header of each request, by path (a missing header recorded as "none"). */
const seen = new Map<string, string>();

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.set(request.url ?? "", request.headers.authorization ?? "none");
    response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  seen.clear();
  vi.unstubAllGlobals();
});

describe("createBffFetcher", () => {
  it("sends the token it was built with, and none when built without one", async () => {
    const ada = createBffFetcher("token-ada");
    const zoe = createBffFetcher("token-zoe");
    const cookieOnly = createBffFetcher();
    await Promise.all([ada(`${origin}/a`), zoe(`${origin}/z`), cookieOnly(`${origin}/c`), ada(`${origin}/a2`)]);
    expect(Object.fromEntries(seen)).toEqual({
      "/a": "Bearer token-ada",
      "/z": "Bearer token-zoe",
      "/c": "none",
      "/a2": "Bearer token-ada",
    });
  });
});

describe("makeQueryClient", () => {
  it("runs each client's queries with that client's token", async () => {
    // The query paths are relative (`/api/…`), as in the page; the browser resolves them against its origin.
    const realFetch = globalThis.fetch;
    vi.stubGlobal("fetch", (input: string, init?: RequestInit) => realFetch(new URL(input, origin), init));
    const ada = makeQueryClient({ bearerToken: "token-ada" });
    const zoe = makeQueryClient({ bearerToken: "token-zoe" });
    const cookieOnly = makeQueryClient();
    await Promise.all([
      ada.fetchQuery(summaryQuery("users", "user_id:ada")),
      zoe.fetchQuery(summaryQuery("users", "user_id:zoe")),
      cookieOnly.fetchQuery(summaryQuery("users", "user_id:cookie")),
    ]);
    expect(Object.fromEntries(seen)).toEqual({
      "/api/profiles/users/user_id%3Aada": "Bearer token-ada",
      "/api/profiles/users/user_id%3Azoe": "Bearer token-zoe",
      "/api/profiles/users/user_id%3Acookie": "none",
    });
  });

  it("gives a QueryClient built elsewhere the cookie-only fetcher", async () => {
    await bffFetcherOf(new QueryClient())(`${origin}/plain`);
    expect(seen.get("/plain")).toBe("none");
  });
});
