"use client";

import { useState } from "react";
import { startOidcSignIn } from "@/lib/auth-client";

/** The company sign-in (OIDC). next-auth's error codes come back in `?error=` and are shown by the page. */
export function OidcButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  async function start() {
    setPending(true);
    setFailed(false);
    try {
      await startOidcSignIn(callbackUrl);
    } catch {
      setFailed(true);
      setPending(false);
    }
  }
  return (
    <div className="mt-4">
      <button
        type="button"
        onClick={() => void start()}
        disabled={pending}
        className="bg-accent text-accent-fg w-full rounded-md px-3 py-2 text-sm font-medium disabled:opacity-60"
      >
        Continue with your company account
      </button>
      {failed ? (
        <p role="alert" className="text-danger mt-2 text-sm">
          The server could not be reached. Try again.
        </p>
      ) : null}
    </div>
  );
}
