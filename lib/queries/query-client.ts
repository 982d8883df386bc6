import { isServer, type QueryClient } from "@tanstack/react-query";
import { createBffQueryClient } from "./client-fetcher";
import { retryDelay, shouldRetry } from "./profiles";

/**
 * The one QueryClient factory, for the browser and for the server prefetch (lib/prefetch): profile data is fresh for a
 * minute; agents refresh explicitly. On the server a client lives for one render, so it keeps no garbage-collection
 * timers (gcTime Infinity, React Query's own server default) that would hold each request's data for minutes.
 * `bearerToken`: an embedded sidebar's token from its host sign-in; every query of this client sends it (none: the
 * session cookie identifies the agent).
 */
export function makeQueryClient({ bearerToken = null }: { bearerToken?: string | null } = {}): QueryClient {
  return createBffQueryClient(
    {
      defaultOptions: {
        queries: {
          staleTime: 60_000,
          gcTime: isServer ? Infinity : 5 * 60_000,
          retry: shouldRetry,
          retryDelay,
          refetchOnWindowFocus: false,
        },
      },
    },
    bearerToken,
  );
}
