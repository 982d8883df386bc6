/**
 * Identifiers of the simulator's seeded profiles that docs, demo output and tests rely on.
 * The data behind them is generated deterministically in simulator/seed/; these names are the contract.
 */
export const SIM_DEFAULTS = { port: 4010, token: "sim-token", spaceId: "spa_demo", rateLimit: 100 } as const;

export const SEED_IDS = {
  /** A well-rounded customer: many identifier types, multi-source traits, computed traits, audiences, several accounts. */
  ada: {
    userId: "user_id:u_ada",
    email: "email:ada@example.com",
    phone: "phone:+15550100001",
    anonymousId: "anonymous_id:anon_ada_web_1",
    idfa: "ios.idfa:6D92078A-8246-4BA4-AE5B-76104861E7DC",
  },
  /** Thousands of events inside the 14-day window (timeline virtualisation, paging to the end). */
  heavy: { userId: "user_id:u_heavy" },
  /** A profile with traits but no events at all. */
  quiet: { userId: "user_id:u_quiet" },
  /** A user whose value needs every kind of escaping: `/`, `?`, `#`, `%`, `+`, space, `..`, unicode. */
  weird: { userId: "user_id:we/ird?#%+ ..ü" },
  /** 120 custom traits besides the usual ones: more than two pages of the traits panel (50 a page). */
  manyTraits: { userId: "user_id:u_many_traits" },
  /** An account with several users linked to it. */
  acme: { groupId: "group_id:acct_acme" },
  /** The documentation's own sample payloads, answered for the identifiers they use. */
  docs: {
    traitsUser: "user_id:1413639574",
    anonymousUser: "anonymous_id:eml_3bca54b7fe7491add4c8d5d4d9bf6b3e085c6092",
    crossDomainUser: "cross_domain_id:1d1cd931-bc7d-4e39-a1a7-61563296fb15",
    eventsUser: "user_id:c0HN02fNe1",
    account: "group_id:12345",
    linkedAccounts: ["group_id:ADGCJE3Y8H", "group_id:ghdctIwnA"],
  },
} as const;
