import "server-only";
import { getConfig } from "@/lib/config";
import { buildMaskPolicy, type MaskPolicy } from "./masking";

let cached: MaskPolicy | undefined;

/** MASKED_TRAITS and MASKED_ID_TYPES of this deployment. */
export function getMaskPolicy(): MaskPolicy {
  const config = getConfig();
  cached ??= buildMaskPolicy(config.MASKED_TRAITS, config.MASKED_ID_TYPES);
  return cached;
}
