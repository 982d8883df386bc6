import { isServer, QueryClient } from "@tanstack/react-query";
import { retryDelay, shouldRetry } from "./profiles";

/**
 * The one QueryClient factory, for the browser and for the server prefetch (lib/prefetch): profile data is fresh for a
 * minute; agents refresh explicitly. On the server a client lives for one render, so it keeps no garbage-collection
 * timers (gcTime Infinity, React Query's own server default) that would hold each request's data for minutes.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        gcTime: isServer ? Infinity : 5 * 60_000,
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: false,
      },
    },
  });
}
