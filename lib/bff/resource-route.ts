import "server-only";
import { type CallOptions, getProfileApi, type ProfileApi, type UpstreamResult } from "@/lib/profile-api/client";
import type { Collection, ProfileIdentifier, Resource } from "@/lib/core/identifiers";
import { profileHandle } from "@/lib/governance/profile-handle";
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
  /** What the route adds to the upstream body (the links' handles). */
  decorate?: (body: B) => B,
) {
  return withAgent({ route: `/api/profiles/:collection/:id/${resource}`, query }, async (ctx) => {
    const result = await call(getProfileApi(), ctx.collection, ctx.id, ctx.query, {
      refresh: ctx.refresh,
      signal: ctx.signal,
    });
    // The next page's URL names the profile by its handle, like every URL the app makes (DESIGN §10).
    const ownPath = bffProfilePath(ctx.collection, profileHandle(ctx.collection, ctx.id), resource);
    return {
      body: withOwnCursor(decorate ? decorate(result.body) : result.body, ownPath, ctx.validatedQuery),
      requestId: result.requestId,
      cache: result.cache,
    };
  });
}
