// POST /api/profiles/:collection/:id/reveal – the clear value of one masked trait or identifier type, for supervisors and auditors
import { summaryQuerySchema } from "@/lib/bff/query-schemas";
import { withAgent } from "@/lib/bff/with-agent";
import { getMaskPolicy } from "@/lib/governance/policy";
import { assertMayReveal, readRevealRequest, revealValue } from "@/lib/governance/reveal";
import { getProfileApi } from "@/lib/profile-api/client";

export const dynamic = "force-dynamic";

export const POST = withAgent(
  { route: "/api/profiles/:collection/:id/reveal", query: summaryQuerySchema, unmasked: true, audit: "reveal" },
  async ({ agent, collection, id, request, signal }) => {
    assertMayReveal(agent);
    const ask = await readRevealRequest(request);
    return revealValue(getProfileApi(), getMaskPolicy(), { collection, id, signal }, ask);
  },
);
