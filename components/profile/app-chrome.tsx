import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";

/** The standalone pages' frame (the embedded sidebar has none): product name, who is signed in, sign-out. */
export function AppChrome({ agentName, children }: { agentName: string; children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="bg-accent text-accent-fg sr-only rounded px-2 py-1 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-border bg-surface-raised border-b">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <Link href="/" className="font-semibold">
            Profile Sidebar
          </Link>
          <div className="text-fg-muted flex items-center gap-3 text-sm">
            <span>Signed in as {agentName}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl p-4">
        {children}
      </main>
    </>
  );
}
