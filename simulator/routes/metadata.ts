import type { RouteContext } from "./context";
import { readBoolean } from "./params";

/** GET …/metadata: `verbose` is accepted (validated) and changes nothing: the docs show one shape. */
export function answerMetadata(ctx: RouteContext): unknown {
  readBoolean(ctx.query, "verbose");
  return { metadata: { ...ctx.profile.metadata } };
}
