// GET /api/profiles/:collection/:id/metadata – when a profile was created and updated, and from which sources (verbose)
import { profileResourceRoute } from "@/lib/bff/resource-route";
import { metadataQuerySchema } from "@/lib/bff/query-schemas";

export const dynamic = "force-dynamic";

export const GET = profileResourceRoute("metadata", metadataQuerySchema, (api, collection, id, query, options) =>
  api.metadata(collection, id, query, options),
);

// Other methods: 405 with the security headers (this route skips proxy.ts).
export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/lib/bff/method-not-allowed";
