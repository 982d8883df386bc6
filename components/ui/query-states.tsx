"use client";
import { RefreshCw, TriangleAlert } from "lucide-react";
import { createContext, useContext, type ReactNode } from "react";
import { BffError } from "@/lib/queries/bff-fetch";
import { Button } from "./button";

/**
 * What went wrong, in words an agent can act on, with the request id for a ticket to the admin. The server's own
 * message (meant for the operator: which variable to check) stays out of it; the operator reads it in the server log.
 */
export function describeError(error: unknown): { title: string; detail: string; requestId?: string } {
  if (!(error instanceof BffError))
    return {
      title: "Cannot reach Profile Sidebar",
      detail: "The connection to the server failed. Check your network and retry.",
    };
  const requestId = error.body.request_id;
  if (error.code === "timeout")
    return {
      title: "Profile API unavailable",
      detail: "It is not answering. Still trying in the background.",
      requestId,
    };
  if (error.code === "upstream_authentication_error")
    return {
      title: "Our access to the Profile API is misconfigured",
      detail: "Tell your admin: the Profile API refused this app's access. Retrying will not help until it is fixed.",
      requestId,
    };
  switch (error.status) {
    case 401:
      return {
        title: "You are signed out",
        detail: "Your session ended. Reload the page to sign in again.",
        requestId,
      };
    case 404:
      return { title: "Not found", detail: "No profile has this identifier.", requestId };
    case 429:
      return {
        title: "Too many requests",
        detail: `The Profile API is busy; retrying${error.retryAfterSeconds ? ` in ${error.retryAfterSeconds} s` : " shortly"}.`,
        requestId,
      };
    case 502:
    case 503:
    case 504:
      return { title: "Profile API unavailable", detail: "It did not answer properly. Retry in a moment.", requestId };
    default:
      return {
        title: "Something went wrong",
        detail: "The server could not answer this request. Retry in a moment.",
        requestId,
      };
  }
}

/**
 * Set by a view that shows one failure message for all its panels (view-failure.tsx): a failed panel then says only
 * that it is not loaded, with no alert and no Retry of its own.
 */
export const CalmFailureContext = createContext(false);

/**
 * Whether the view's summary found this profile. A panel's 404 means different things either side of that: before
 * it, the profile does not exist and the view's own not-found state says so once (panels stay quiet instead of each
 * flashing "Not found"); after it, the profile went away while the agent was looking (merged or deleted upstream), and
 * the panel must say so rather than go blank.
 */
export const ProfileFoundContext = createContext(false);

/** A panel's failed query: what failed, in words, with a Retry (see ProfileFoundContext for 404s). */
export function ErrorState({ error, what, onRetry }: { error: unknown; what: string; onRetry: () => void }) {
  const profileFound = useContext(ProfileFoundContext);
  const calm = useContext(CalmFailureContext);
  if (error instanceof BffError && error.status === 404) {
    if (!profileFound) return null;
    return (
      <div role="status" className="border-border rounded-md border p-3 text-sm" data-testid="panel-gone">
        <p className="font-medium">{what}: the Profile API no longer finds this profile.</p>
        <p className="text-fg-muted mt-1">
          It may have been merged or deleted since it was opened. Refresh the profile to check.
        </p>
        <Button className="mt-2" onClick={onRetry}>
          <RefreshCw aria-hidden className="size-3.5" /> Retry
        </Button>
      </div>
    );
  }
  if (calm) {
    return (
      <p className="text-fg-muted py-2 text-sm" data-testid="panel-not-loaded">
        {what} not loaded — see the message above.
      </p>
    );
  }
  const { title, detail, requestId } = describeError(error);
  return (
    <div role="alert" className="border-danger/40 rounded-md border p-3 text-sm">
      <p className="text-danger flex items-center gap-1.5 font-medium">
        <TriangleAlert aria-hidden className="size-4 shrink-0" />
        {title}: {what} could not be loaded.
      </p>
      <p className="text-fg-muted mt-1 break-words">{detail}</p>
      {requestId ? <p className="text-fg-muted mt-1 text-xs break-all">Request ID: {requestId}</p> : null}
      <Button className="mt-2" onClick={onRetry}>
        <RefreshCw aria-hidden className="size-3.5" /> Retry
      </Button>
    </div>
  );
}

/**
 * A failure while a panel already shows data (the next page, or a refetch): the list stays, and this line says what
 * failed with its own Retry.
 */
export function InlineError({
  message,
  onRetry,
  retrying = false,
}: {
  message: string;
  onRetry: () => void;
  retrying?: boolean;
}) {
  return (
    <div role="alert" className="text-danger flex flex-wrap items-center gap-2 py-2 text-sm" data-testid="inline-error">
      <TriangleAlert aria-hidden className="size-4 shrink-0" />
      <span className="min-w-0 flex-1">{message}</span>
      <Button onClick={onRetry} disabled={retrying}>
        <RefreshCw aria-hidden className="size-3.5" /> {retrying ? "Retrying…" : "Retry"}
      </Button>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="text-fg-muted py-2 text-sm">{children}</p>;
}
