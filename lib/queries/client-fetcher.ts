import { QueryClient, useQueryClient, type QueryClientConfig } from "@tanstack/react-query";
import { createBffFetcher, type BffFetcher } from "./bff-fetch";

/**
 * A QueryClient that carries the BFF fetcher its queries use. The query functions read it from their context's
 * `client`, so the same query options (lib/queries/profiles.ts) serve a cookie session, an embed session with its own
 * bearer token, and the server prefetch, with no token kept in a module global.
 */
class BffQueryClient extends QueryClient {
  constructor(
    config: QueryClientConfig,
    readonly fetchBff: BffFetcher,
  ) {
    super(config);
  }
}

/** Relies on the page's session cookie: a QueryClient built elsewhere (a test's) gets this one. */
const cookieFetcher = createBffFetcher();

export function createBffQueryClient(config: QueryClientConfig, bearerToken: string | null): QueryClient {
  return new BffQueryClient(config, createBffFetcher(bearerToken));
}

/** The fetcher bound to `client` (its bearer token, or none). */
export function bffFetcherOf(client: QueryClient): BffFetcher {
  return client instanceof BffQueryClient ? client.fetchBff : cookieFetcher;
}

/** The fetcher of the QueryClient above this component: for calls outside a query (a lookup probe, a reveal). */
export function useBffFetcher(): BffFetcher {
  return bffFetcherOf(useQueryClient());
}
