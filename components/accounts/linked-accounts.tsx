"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Building2, User } from "lucide-react";
import type { ProfileLink } from "@/lib/core/api-types";
import { isCollection, type Collection } from "@/lib/core/identifiers";
import { KEY_TRAITS, keyTraitsQuery, linksQuery } from "@/lib/queries/profiles";
import { pickProfileIdentifier } from "@/lib/views/identity-groups";
import { Panel } from "@/components/ui/panel";
import { LoadMoreFromQuery, RefreshError } from "@/components/ui/load-more";
import { EmptyState, ErrorState } from "@/components/ui/query-states";
import { Skeleton } from "@/components/ui/skeleton";
import { TraitValue } from "@/components/traits/trait-value";
import type { RenderOpener } from "./openers";

export { buttonOpener, type OpenProfile, type RenderOpener } from "./openers";

/** A linked profile: `id` is its handle (from the BFF's links answer), `label` the identifier it is shown by. */
function LinkedCard({
  collection,
  id,
  label,
  renderOpener,
}: {
  collection: Collection;
  id: string;
  label: string;
  renderOpener: RenderOpener;
}) {
  const include = KEY_TRAITS[collection];
  const traits = useQuery(keyTraitsQuery(collection, id, include));
  const name = traits.data?.traits.name;
  const title = typeof name === "string" && name ? name : label;
  const Icon = collection === "accounts" ? Building2 : User;
  const heading = (
    <span className="flex min-w-0 items-center gap-1.5 font-medium break-all">
      <Icon aria-hidden className="text-accent size-4 shrink-0" />
      {title}
    </span>
  );
  const linkClass = "text-accent block underline-offset-2 hover:underline";
  return (
    <li className="border-border bg-surface-raised min-w-0 rounded-md border p-2 text-sm" data-testid="linked-profile">
      {renderOpener({ collection, id, label, className: linkClass, children: heading })}
      <p className="text-fg-muted font-mono text-xs break-all">{label}</p>
      {traits.isPending ? <Skeleton label={`Loading ${title}`} lines={1} /> : null}
      {traits.isError ? <p className="text-fg-muted text-xs">Key traits could not be loaded.</p> : null}
      {traits.data ? (
        <dl className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
          {include
            .filter((key) => key !== "name" && traits.data.traits[key] !== undefined)
            .map((key) => (
              <div key={key} className="flex min-w-0 gap-1">
                <dt className="text-fg-muted">{key}</dt>
                <dd className="min-w-0">
                  <TraitValue value={traits.data.traits[key]} />
                </dd>
              </div>
            ))}
        </dl>
      ) : null}
    </li>
  );
}

/** A link opens by the handle the BFF added to it (DESIGN §10); one without a handle or identifier cannot be opened. */
function linkTarget(link: ProfileLink): { collection: Collection; id: string; label: string } | null {
  const label = pickProfileIdentifier(link.external_ids);
  return label && link.handle && isCollection(link.to_collection)
    ? { collection: link.to_collection, id: link.handle, label }
    : null;
}

/** The accounts of a user (or the users of an account), each opening that profile. */
export function LinkedAccounts({
  collection,
  id,
  renderOpener,
}: {
  collection: Collection;
  id: string;
  renderOpener: RenderOpener;
}) {
  const query = useInfiniteQuery(linksQuery(collection, id));
  const title = collection === "users" ? "Accounts" : "Users of this account";
  let body;
  if (query.isPending) body = <Skeleton label={`Loading ${title.toLowerCase()}`} lines={3} />;
  else if (query.isError && !query.data)
    body = <ErrorState error={query.error} what={title} onRetry={() => void query.refetch()} />;
  else {
    const links = query.data.pages.flatMap((page) => page.data);
    const targets = links.map(linkTarget).filter((t) => t !== null);
    // A link whose external_ids are empty (or name no usable identifier) cannot be opened, but it still exists.
    const unidentified = links.length - targets.length;
    body =
      links.length === 0 ? (
        <EmptyState>
          {collection === "users" ? "This user belongs to no account." : "No users are linked to this account."}
        </EmptyState>
      ) : (
        <>
          {targets.length ? (
            <ul className="grid [grid-template-columns:repeat(auto-fill,minmax(min(100%,14rem),1fr))] gap-2">
              {targets.map((target) => (
                <LinkedCard
                  key={`${target.collection}:${target.id}`}
                  collection={target.collection}
                  id={target.id}
                  label={target.label}
                  renderOpener={renderOpener}
                />
              ))}
            </ul>
          ) : null}
          {unidentified > 0 ? (
            <p className="text-fg-muted mt-2 text-xs" data-testid="links-unidentified">
              {unidentified === 1 ? "1 linked profile" : `${unidentified} linked profiles`} without identifiers (cannot
              be opened).
            </p>
          ) : null}
          <RefreshError query={query} noun={title.toLowerCase()} />
          <LoadMoreFromQuery query={query} noun="links" shown={links.length} />
        </>
      );
  }
  return (
    <Panel title={title} id="linked">
      {body}
    </Panel>
  );
}
