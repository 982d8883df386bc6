"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { makeQueryClient } from "@/lib/queries/query-client";

/**
 * Takes the one-time hand-off `code` of the host sign-in out of the address bar (history, a copied URL): it is spent,
 * and nothing in the URL should look like a credential. Keeps every other parameter (ZAF's `origin`/`app_guid`).
 */
function useStripHandoffCode() {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("code")) return;
    url.searchParams.delete("code");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, []);
}

/** Asks for a reload a little before the token expires, so no call fails halfway. */
const EXPIRY_MARGIN_MS = 20_000;

/**
 * Gives the sidebar a QueryClient of its own whose every BFF call carries the page's embed token (memory only: never
 * localStorage, never a URL, never shared with the page's other client), and replaces the sidebar with a reload prompt
 * when the token expires: the host signs a fresh assertion on reload.
 */
export function EmbedSession({
  token,
  expiresAt,
  children,
}: {
  token: string;
  expiresAt: number;
  children: ReactNode;
}) {
  // Built during the first render, so the children's first requests already carry the token (a new token: a new client).
  const client = useMemo(() => makeQueryClient({ bearerToken: token }), [token]);
  const [expired, setExpired] = useState(false);
  useStripHandoffCode();
  useEffect(() => {
    const timer = setTimeout(() => setExpired(true), Math.max(0, expiresAt - Date.now() - EXPIRY_MARGIN_MS));
    return () => clearTimeout(timer);
  }, [expiresAt]);
  if (expired) return <ReloadPrompt reason="Your sidebar session has expired." />;
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

export function ReloadPrompt({ reason }: { reason: string }) {
  useStripHandoffCode();
  return (
    <div role="status" className="p-3 text-sm">
      <p>{reason}</p>
      <p className="text-fg-muted mt-1">Reload the app in Zendesk or Salesforce to continue.</p>
      <button type="button" className="mt-2 rounded-md border px-3 py-1" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
