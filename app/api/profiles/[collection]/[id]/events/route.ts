// GET /api/profiles/:collection/:id/events – a profile's event timeline (start, end, include, exclude, limit 1..100, sort, next)
import { profileResourceRoute } from "@/lib/bff/resource-route";
import { eventsQuerySchema } from "@/lib/bff/query-schemas";

export const dynamic = "force-dynamic";

export const GET = profileResourceRoute("events", eventsQuerySchema, (api, collection, id, query, options) =>
  api.events(collection, id, query, options),
);

// Other methods: 405 with the security headers (this route skips proxy.ts).
export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/lib/bff/method-not-allowed";
