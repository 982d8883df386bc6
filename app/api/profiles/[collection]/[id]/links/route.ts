// GET /api/profiles/:collection/:id/links – the accounts of a user, or the users of an account (limit 1..20, next)
import { profileResourceRoute } from "@/lib/bff/resource-route";
import { linksQuerySchema } from "@/lib/bff/query-schemas";
import { withLinkHandles } from "@/lib/bff/link-handles";

export const dynamic = "force-dynamic";

export const GET = profileResourceRoute(
  "links",
  linksQuerySchema,
  (api, collection, id, query, options) => api.links(collection, id, query, options),
  (body) => ({ ...body, data: withLinkHandles(body.data) }),
);

// Other methods: 405 with the security headers (this route skips proxy.ts).
export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/lib/bff/method-not-allowed";
