// GET /api/profiles/:collection/:id/external_ids – a profile's identities (include, limit 1..100, next, verbose)
import { profileResourceRoute } from "@/lib/bff/resource-route";
import { externalIdsQuerySchema } from "@/lib/bff/query-schemas";

export const dynamic = "force-dynamic";

export const GET = profileResourceRoute("external_ids", externalIdsQuerySchema, (api, collection, id, query, options) =>
  api.externalIds(collection, id, query, options),
);

// Other methods: 405 with the security headers (this route skips proxy.ts).
export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/lib/bff/method-not-allowed";
