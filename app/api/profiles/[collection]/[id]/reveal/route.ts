// POST /api/profiles/:collection/:id/reveal – the clear value of one masked trait or identifier type, for supervisors and auditors
import { summaryQuerySchema } from "@/lib/bff/query-schemas";
import { withAgent } from "@/lib/bff/with-agent";
import { getMaskPolicy } from "@/lib/governance/policy";
import { assertMayReveal, readRevealRequest, revealedField, revealValue } from "@/lib/governance/reveal";
import { getProfileApi } from "@/lib/profile-api/client";

export const dynamic = "force-dynamic";

export const POST = withAgent(
  { route: "/api/profiles/:collection/:id/reveal", query: summaryQuerySchema, unmasked: true, audit: "reveal" },
  async ({ agent, collection, id, request, signal, audit }) => {
    // The body first, so the entry names the field even when the reveal is refused; a refused agent still gets 403
    // whatever the body.
    const ask = await readRevealRequest(request).catch((error: unknown) => {
      assertMayReveal(agent);
      throw error;
    });
    audit.detail = revealedField(ask);
    assertMayReveal(agent);
    return revealValue(getProfileApi(), getMaskPolicy(), { collection, id, signal }, ask);
  },
);
