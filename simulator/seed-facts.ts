import { EVENTS_WINDOW_MS } from "./routes/events";
import { buildDataset, DEFAULT_SEED, SEED_SIZES } from "./seed/dataset";
import { SEED_IDS } from "./seed-ids";

/** Fixed facts about the seeded profiles that hold for every seed and anchor (tests and docs assert on them). */
export const SEED_FACTS = {
  defaultSeed: DEFAULT_SEED,
  crowdUsers: SEED_SIZES.crowdUsers,
  crowdAccounts: SEED_SIZES.crowdAccounts,
  /** group_ids of ada's linked accounts. */
  adaAccounts: ["acct_acme", "acct_globex", "acct_initech"],
  heavyMinEventsInWindow: 3000,
  acmeMinUsers: 5,
  /** acct_globex has more users than one links page (20) holds. */
  globexUsers: SEED_SIZES.globexUsers + 1,
  /** The docs' traits sample: the first page of user_id:1413639574 (limit 10). */
  docsTraitsFirstPage: [
    "3_product_views_in_last_60_days",
    "Campaign Name",
    "Campaign Source",
    "Experiment Group",
    "Invited User?",
    "Referrering Domain",
    "all_users_order_completed",
    "big_spender",
  ],
} as const;

export type ProfileCounts = {
  traits: number;
  computedTraits: number;
  audiences: number;
  externalIds: number;
  eventsInWindow: number;
  links: number;
};

/** Exact counts of one seeded profile for a seed and anchor (what paging through the API must add up to). */
export function countsOf(
  collection: "users" | "accounts",
  identifier: string,
  anchor: Date,
  seed = DEFAULT_SEED,
): ProfileCounts {
  const colon = identifier.indexOf(":");
  const profile = buildDataset(seed, anchor).find(collection, identifier.slice(0, colon), identifier.slice(colon + 1));
  if (!profile) throw new Error(`not seeded: ${collection}/${identifier}`);
  const traits = Object.values(profile.traits);
  const anchorMs = anchor.getTime();
  return {
    traits: traits.filter((t) => t.class !== "consent").length,
    computedTraits: traits.filter((t) => t.class === "computed_trait").length,
    audiences: traits.filter((t) => t.class === "audience").length,
    externalIds: profile.external_ids.length,
    eventsInWindow: profile.events.filter((e) => e.ms > anchorMs - EVENTS_WINDOW_MS && e.ms <= anchorMs).length,
    links: profile.links.length,
  };
}

export { SEED_IDS };
