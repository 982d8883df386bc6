import type { Metadata } from "next";
import { requireAgent } from "@/lib/auth/require-agent";
import { getConfig, viewSettingsOf } from "@/lib/config";
import { LookupForm } from "@/components/lookup/lookup-form";
import { ViewSettingsProvider } from "@/components/profile/view-settings-context";
import { RecentLookups } from "@/components/lookup/recent-lookups";
import { AppChrome } from "@/components/profile/app-chrome";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Look up a profile · Profile Sidebar" };

/** The standalone lookup page. */
export default async function LookupPage() {
  const agent = await requireAgent("/");
  return (
    <AppChrome agentName={agent.name}>
      <div className="mx-auto max-w-3xl">
        <h1 className="text-xl font-semibold">Look up a customer</h1>
        <p className="text-fg-muted mt-1 mb-4 text-sm">
          By any identifier the Profile API knows: user ID, email, phone, anonymous ID, or an account&apos;s group ID.
        </p>
        <ViewSettingsProvider value={viewSettingsOf(getConfig())}>
          <LookupForm />
        </ViewSettingsProvider>
        <RecentLookups />
      </div>
    </AppChrome>
  );
}
