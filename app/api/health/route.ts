// GET /api/health – liveness: no auth, no upstream call.
import { getApiSecurityHeaders } from "@/lib/bff/api-headers";

export const dynamic = "force-dynamic";

// Skips proxy.ts (its matcher), so it sets the security headers itself.
export function GET() {
  return Response.json({ status: "ok" }, { headers: { ...getApiSecurityHeaders(), "Cache-Control": "no-store" } });
}

// Other methods: 405 with the security headers (this route skips proxy.ts).
export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/lib/bff/method-not-allowed";
