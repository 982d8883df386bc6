import type { Metadata } from "next";
import Link from "next/link";
import { requireAgent } from "@/lib/auth/require-agent";
import { getConfig, viewSettingsOf } from "@/lib/config";
import { ViewSettingsProvider } from "@/components/profile/view-settings-context";
import { formatIdentifier, isCollection, parseIdentifier } from "@/lib/core/identifiers";
import { PrefetchedProfile } from "@/app/_server/prefetched-profile";
import { AppChrome } from "@/components/profile/app-chrome";
import { LookUpAnotherLink } from "@/components/lookup/look-up-another";
import { NotFoundState } from "@/components/profile/not-found-state";
import { ProfileView } from "@/components/profile/profile-view";
import { RevealTarget } from "@/components/governance/reveal-target";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile · Profile Sidebar" };

type Props = { params: Promise<{ collection: string; id: string }> };

/** A page's `[id]` arrives still percent-encoded (unlike route handlers' params): decoded here, exactly once. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The full profile. */
export default async function ProfilePage({ params }: Props) {
  const { collection, id: segment } = await params;
  const agent = await requireAgent(`/profiles/${encodeURIComponent(collection)}/${segment}`);
  const id = decodeSegment(segment);
  const parsed =
    id === null
      ? ({ ok: false, message: "The identifier is not valid percent-encoding." } as const)
      : parseIdentifier(id);
  if (!isCollection(collection) || !parsed.ok) {
    return (
      <AppChrome agentName={agent.name}>
        <div role="alert" className="border-border mx-auto max-w-xl rounded-lg border p-4">
          <h1 className="font-semibold">Not a profile address</h1>
          <p className="text-fg-muted mt-1 text-sm">
            {isCollection(collection) ? (parsed.ok ? "" : parsed.message) : "The collection must be users or accounts."}
          </p>
          <Link href="/" className="text-accent mt-2 inline-block underline">
            Look up a profile
          </Link>
        </div>
      </AppChrome>
    );
  }
  const formatted = formatIdentifier(parsed.identifier);
  // The same 404 state as ProfileView's, rendered on the server when the prefetch already knows.
  const notFound = (
    <NotFoundState collection={collection} id={formatted}>
      <LookUpAnotherLink id={formatted} />
    </NotFoundState>
  );
  return (
    <AppChrome agentName={agent.name}>
      <ViewSettingsProvider value={viewSettingsOf(getConfig())}>
        <PrefetchedProfile agent={agent} collection={collection} id={formatted} notFound={notFound}>
          <RevealTarget collection={collection} id={formatted}>
            <ProfileView collection={collection} id={formatted} />
          </RevealTarget>
        </PrefetchedProfile>
      </ViewSettingsProvider>
    </AppChrome>
  );
}
