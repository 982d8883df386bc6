"use client";

import { useState } from "react";
import { signOut } from "@/lib/auth-client";

/** Ends the agent's session (next-auth sign-out with CSRF) and returns to the sign-in page. */
export function SignOutButton({ className = "" }: { className?: string }) {
  const [pending, setPending] = useState(false);

  async function handleClick() {
    setPending(true);
    try {
      await signOut();
    } finally {
      window.location.assign("/sign-in");
    }
  }

  return (
    <button
      type="button"
      onClick={handleClick}
      disabled={pending}
      aria-busy={pending}
      className={`text-sm underline ${className}`}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
