import "server-only";
import { type CallOptions, getProfileApi, type ProfileApi, type UpstreamResult } from "@/lib/profile-api/client";
import type { Collection, ProfileIdentifier, Resource } from "@/lib/core/identifiers";
import { formatIdentifier } from "@/lib/core/identifiers";
import { bffProfilePath } from "@/lib/core/paths";
import { withOwnCursor } from "./cursor";
import type { QuerySchema } from "./query-schemas";
import { withAgent } from "./with-agent";

type ResourceCall<Q, B> = (
  api: ProfileApi,
  collection: Collection,
  id: ProfileIdentifier,
  query: Q,
  options: CallOptions,
) => Promise<UpstreamResult<B>>;

/**
 * A GET route for one profile resource: the upstream page as is, except `cursor.url`, which points at this route.
 * The route template in logs is `/api/profiles/:collection/:id/<resource>`.
 */
export function profileResourceRoute<Q, B extends object>(
  resource: Resource,
  query: QuerySchema<Q>,
  call: ResourceCall<Q, B>,
) {
  return withAgent({ route: `/api/profiles/:collection/:id/${resource}`, query }, async (ctx) => {
    const result = await call(getProfileApi(), ctx.collection, ctx.id, ctx.query, {
      refresh: ctx.refresh,
      signal: ctx.signal,
    });
    const ownPath = bffProfilePath(ctx.collection, formatIdentifier(ctx.id), resource);
    return {
      body: withOwnCursor(result.body, ownPath, ctx.validatedQuery),
      requestId: result.requestId,
      cache: result.cache,
    };
  });
}
