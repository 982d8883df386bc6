// POST /api/lookup – {"value":…,"type"?} or {"id":"type:value"} in the body → {collection, handle, label, asked}, or 404 with `tried`
import { handleLookup } from "@/lib/bff/lookup";

export const dynamic = "force-dynamic";

export const POST = handleLookup;
