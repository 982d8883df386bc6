"use client";

import { type ReactNode, useEffect, useState } from "react";
import { setBearerToken } from "@/lib/queries/bff-fetch";

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
 * Hands the page's embed token to the BFF fetch helper (memory only: never localStorage, never a URL) before any child
 * fetches, and replaces the sidebar with a reload prompt when it expires: the host signs a fresh assertion on reload.
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
  // Set during the first render (not in an effect) so the children's first requests already carry it.
  useState(() => {
    setBearerToken(token);
    return token;
  });
  const [expired, setExpired] = useState(false);
  useStripHandoffCode();
  useEffect(() => {
    setBearerToken(token);
    const timer = setTimeout(() => setExpired(true), Math.max(0, expiresAt - Date.now() - EXPIRY_MARGIN_MS));
    return () => {
      clearTimeout(timer);
      setBearerToken(null);
    };
  }, [token, expiresAt]);
  if (expired) return <ReloadPrompt reason="Your sidebar session has expired." />;
  return <>{children}</>;
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
