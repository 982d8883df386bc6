// GET /api/profiles/:collection/:id/traits – a profile's traits (?class=computed_trait|audience, include, limit 1..200, next, verbose)
import { profileResourceRoute } from "@/lib/bff/resource-route";
import { traitsQuerySchema } from "@/lib/bff/query-schemas";

export const dynamic = "force-dynamic";

export const GET = profileResourceRoute("traits", traitsQuerySchema, (api, collection, id, query, options) =>
  api.traits(collection, id, query, options),
);

// Other methods: 405 with the security headers (this route skips proxy.ts).
export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/lib/bff/method-not-allowed";
