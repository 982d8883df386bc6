"use client";
import { useQuery } from "@tanstack/react-query";
import { Building2, Clock, Flag } from "lucide-react";
import type { ProfileLink, ProfileSummary } from "@/lib/core/api-types";
import { isCollection } from "@/lib/core/identifiers";
import { KEY_TRAITS, keyTraitsQuery } from "@/lib/queries/profiles";
import { pickProfileIdentifier } from "@/lib/views/identity-groups";
import { audienceMemberships, customerLocalTime, summaryFacts, summaryFlags } from "@/lib/views/profile-summary";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useNow } from "@/components/ui/use-now";
import { useViewSettings } from "./view-settings-context";

type Account = { handle: string; label: string };

function AccountName({ handle, label }: Account) {
  // The same query as the linked account's card (by the link's handle), so the name costs no extra request.
  const traits = useQuery(keyTraitsQuery("accounts", handle, KEY_TRAITS.accounts));
  const name = traits.data?.traits.name;
  return (
    <span className="break-words">{typeof name === "string" && name ? name : label.replace(/^group_id:/, "")}</span>
  );
}

function accountsOf(links: readonly ProfileLink[] | null): Account[] {
  return (links ?? []).flatMap((link) => {
    const label = pickProfileIdentifier(link.external_ids);
    const isAccount = isCollection(link.to_collection) && link.to_collection === "accounts";
    return isAccount && link.handle && label ? [{ handle: link.handle, label }] : [];
  });
}

/**
 * The key facts under the name, all from the summary call (so they arrive with the first paint): the configured
 * facts, flags, the customer's local time, audience memberships and the linked accounts' names.
 */
export function SummaryFacts({ summary }: { summary: ProfileSummary }) {
  const settings = useViewSettings();
  const now = useNow();
  const hydrated = useHydrated();
  const facts = summaryFacts(summary, settings);
  const flags = summaryFlags(summary, settings.flagTraits);
  const audiences = audienceMemberships(summary, settings.flagTraits);
  const local = customerLocalTime(summary, settings.timezoneTrait, now);
  const accounts = summary.collection === "users" ? accountsOf(summary.links).slice(0, 3) : [];
  return (
    <div className="mt-1 space-y-1.5" data-testid="summary-facts">
      {flags.length ? (
        <ul className="flex flex-wrap gap-1" aria-label="Flags">
          {flags.map((flag) => (
            <li key={flag.key}>
              <Badge tone="warning">
                <Flag aria-hidden className="size-3" /> {flag.label}
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
      {facts.length ? (
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-sm">
          {facts.map((fact) => (
            <div key={fact.key} className="contents" data-testid="summary-fact">
              <dt className="text-fg-muted">{fact.label}</dt>
              <dd className="min-w-0 font-medium break-words">
                {fact.kind === "date" ? <RelativeTime iso={fact.iso} now={now} /> : fact.text}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {local ? (
        <p className="text-fg-muted flex items-center gap-1 text-xs" data-testid="customer-local-time">
          <Clock aria-hidden className="size-3.5 shrink-0" />
          <span>
            {/* The minute may turn between the server's render and hydration: remounted once in the browser (useHydrated). */}
            Their time:{" "}
            <span key={hydrated ? "browser" : "server"} className="text-fg font-medium" suppressHydrationWarning>
              {local.time}
            </span>{" "}
            ({local.zone})
          </span>
        </p>
      ) : null}
      {accounts.length ? (
        <p className="text-fg-muted flex min-w-0 items-start gap-1 text-xs" data-testid="summary-accounts">
          <Building2 aria-hidden className="mt-0.5 size-3.5 shrink-0" />
          <span className="min-w-0">
            {accounts.map((account, i) => (
              <span key={account.handle}>
                {i > 0 ? ", " : null}
                <AccountName {...account} />
              </span>
            ))}
          </span>
        </p>
      ) : null}
      {audiences.length ? (
        <ul className="flex flex-wrap gap-1" aria-label="Audiences (member)">
          {audiences.map((key) => (
            <li key={key}>
              <Badge tone="accent">{key}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
