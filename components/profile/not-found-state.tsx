import { SearchX } from "lucide-react";
import type { ReactNode } from "react";
import { LookUpAnotherLink } from "@/components/lookup/look-up-another";

/**
 * The profile does not exist: say so plainly and offer another lookup (`children`: the sidebar puts its own lookup
 * form here). Every not-found rendering goes through it: the page (server and browser), the sidebar, the embeds.
 */
export function NotFoundState({ collection, id, children }: { collection: string; id: string; children?: ReactNode }) {
  return (
    <div role="alert" className="border-border mx-auto max-w-xl rounded-lg border p-4" data-testid="profile-not-found">
      <h2 className="flex items-center gap-2 font-semibold">
        <SearchX aria-hidden className="text-warning size-5" /> No profile found
      </h2>
      <p className="text-fg-muted mt-1 text-sm break-words">
        No {collection === "accounts" ? "account" : "user"} profile has the identifier{" "}
        <span className="text-fg font-mono break-all">{id}</span>. Check the type and the value (identifiers are
        case-sensitive), or look up another one.
      </p>
      {children ? <div className="mt-3">{children}</div> : null}
    </div>
  );
}

/**
 * The full page's not-found state (the server's prefetch and the browser's view render the same): back to lookup,
 * with the form filled with the identifier that missed (`id`: its `type:value`, never the handle).
 */
export function ProfileNotFound({ collection, id }: { collection: string; id: string }) {
  return (
    <NotFoundState collection={collection} id={id}>
      <LookUpAnotherLink id={id} />
    </NotFoundState>
  );
}
