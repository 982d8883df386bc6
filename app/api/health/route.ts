// GET /api/health – liveness: no auth, no upstream call. `redis` says whether instances share state (DESIGN §9):
// "ok", "degraded" (configured but unreachable or slow: this instance runs on its own state) or "off" (not configured).
// Redis trouble is not an outage, so the status stays "ok" and the answer 200 either way.
import { getApiSecurityHeaders } from "@/lib/bff/api-headers";
import { jsonAnswer } from "@/lib/bff/json-body";
import { getSharedStore } from "@/lib/shared-store/shared-store";

export const dynamic = "force-dynamic";

// Skips proxy.ts (its matcher), so it sets the security headers itself.
export async function GET() {
  const redis = await getSharedStore().health();
  return jsonAnswer({ status: "ok", redis }, { headers: { ...getApiSecurityHeaders(), "Cache-Control": "no-store" } });
}

// Other methods: 405 with the security headers (this route skips proxy.ts).
export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/lib/bff/method-not-allowed";
