/**
 * What the agent views show first, as configured by the operator (lib/config.ts reads the environment; server pages
 * pass these to the browser as props, since the configuration itself is server-only). The defaults equal the
 * configuration's defaults, so a view rendered without settings (a test, a host page) looks the same.
 */
export type ViewSettings = {
  /** Traits shown first in the traits panel (PINNED_TRAITS). */
  pinnedTraits: readonly string[];
  /** Key facts of the summary header, in order (SUMMARY_TRAITS); looked up in traits, then computed traits. */
  summaryTraits: readonly string[];
  /** Event names that make "Just happened" and stand out in the timeline (IMPORTANT_EVENTS). */
  importantEvents: readonly string[];
  /** Traits or audiences shown as flags when true (FLAG_TRAITS). */
  flagTraits: readonly string[];
  /** The trait holding the customer's IANA time zone (TIMEZONE_TRAIT). */
  timezoneTrait: string;
  /** Currency of plain money numbers such as lifetime_value (SUMMARY_CURRENCY). */
  currency: string;
  /** Country assumed for phone numbers typed without a +country code (DEFAULT_PHONE_COUNTRY). */
  phoneCountry: string;
  /** How often an open timeline asks for newer events, in seconds; 0: never (LIVE_TIMELINE_INTERVAL_SECONDS). */
  liveIntervalSeconds: number;
};

export const DEFAULT_VIEW_SETTINGS: ViewSettings = {
  pinnedTraits: ["name", "email", "plan", "company", "lifetime_value", "last_seen_at"],
  summaryTraits: ["plan", "company", "lifetime_value", "last_seen_at"],
  importantEvents: ["Payment Failed", "Support Ticket Opened", "Order Completed", "Subscription Cancelled"],
  flagTraits: ["vip", "vip_support", "churn_risk"],
  timezoneTrait: "timezone",
  currency: "USD",
  phoneCountry: "US",
  liveIntervalSeconds: 20,
};
