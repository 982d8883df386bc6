import { QueryClient } from "@tanstack/react-query";
import { retryDelay, shouldRetry } from "./profiles";

/** The browser's QueryClient defaults: profile data is fresh for a minute; agents refresh explicitly. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, gcTime: 5 * 60_000, retry: shouldRetry, retryDelay, refetchOnWindowFocus: false },
    },
  });
}
