// GET /api/profiles/:collection/:id – the profile summary for the first paint (traits, computed traits, audiences, ids, metadata, links)
import { summaryQuerySchema } from "@/lib/bff/query-schemas";
import { fetchProfileSummary } from "@/lib/bff/summary";
import { withAgent } from "@/lib/bff/with-agent";
import { getProfileApi } from "@/lib/profile-api/client";

export const dynamic = "force-dynamic";

export const GET = withAgent(
  { route: "/api/profiles/:collection/:id", query: summaryQuerySchema },
  ({ collection, id, refresh, signal }) => fetchProfileSummary(getProfileApi(), collection, id, { refresh, signal }),
);
