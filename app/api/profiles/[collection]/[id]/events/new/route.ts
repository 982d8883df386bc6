// GET /api/profiles/:collection/:id/events/new – the live timeline's poll: events at or after `after` (include, exclude)
import { newEventsSince } from "@/lib/bff/new-events";
import { newEventsQuerySchema } from "@/lib/bff/query-schemas";
import { withAgent } from "@/lib/bff/with-agent";
import { getConfig } from "@/lib/config";
import { getProfileApi } from "@/lib/profile-api/client";

export const dynamic = "force-dynamic";

export const GET = withAgent(
  { route: "/api/profiles/:collection/:id/events/new", query: newEventsQuerySchema },
  ({ collection, id, query, signal }) =>
    newEventsSince(getProfileApi(), { collection, id }, query, {
      signal,
      // Never a cache bypass, whatever the request says (a browser fetch in `cache: "no-store"` mode sends
      // `Cache-Control: no-cache`): a poll that bypassed the cache would cost one upstream call per agent per interval.
      refresh: false,
      // At least one second of cache even with polling off (0): a stray poll still coalesces.
      intervalSeconds: Math.max(1, getConfig().LIVE_TIMELINE_INTERVAL_SECONDS),
    }),
);

// Other methods: 405 with the security headers (this route skips proxy.ts).
export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/lib/bff/method-not-allowed";
