import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireAgent } from "@/lib/auth/require-agent";
import { getConfig, viewSettingsOf } from "@/lib/config";
import { ViewSettingsProvider } from "@/components/profile/view-settings-context";
import { formatIdentifier, isCollection, parseIdentifier, type Collection } from "@/lib/core/identifiers";
import { profilePath } from "@/lib/core/paths";
import { isHandleShaped } from "@/lib/core/profile-ref";
import { BAD_HANDLE_MESSAGE } from "@/lib/bff/profile-param";
import { openProfileHandle, profileHandle } from "@/lib/governance/profile-handle";
import { PrefetchedProfile } from "@/app/_server/prefetched-profile";
import { AppChrome } from "@/components/profile/app-chrome";
import { ProfileNotFound } from "@/components/profile/not-found-state";
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

/**
 * An old address that names the profile by its identifier (`/profiles/users/email%3A…`): the handle form of the same
 * page, or null. The sign-in page is given the handle form too, so the identifier is not carried into its URL.
 */
function handleFormOf(collection: Collection, decoded: string | null): string | null {
  if (decoded === null || isHandleShaped(decoded)) return null;
  const parsed = parseIdentifier(decoded);
  return parsed.ok ? profilePath(collection, profileHandle(collection, parsed.identifier)) : null;
}

function NotAProfileAddress({ agentName, message }: { agentName: string; message: string }) {
  return (
    <AppChrome agentName={agentName}>
      <div role="alert" className="border-border mx-auto max-w-xl rounded-lg border p-4">
        <h1 className="font-semibold">Not a profile address</h1>
        <p className="text-fg-muted mt-1 text-sm">{message}</p>
        <Link href="/" className="text-accent mt-2 inline-block underline">
          Look up a profile
        </Link>
      </div>
    </AppChrome>
  );
}

/** The full profile, at `/profiles/{collection}/{handle}` (DESIGN §10: no identifier in the address). */
export default async function ProfilePage({ params }: Props) {
  const { collection, id: segment } = await params;
  const decoded = decodeSegment(segment);
  if (isCollection(collection)) {
    const handleForm = handleFormOf(collection, decoded);
    if (handleForm) {
      await requireAgent(handleForm);
      redirect(handleForm);
    }
  }
  const ownPath =
    isCollection(collection) && decoded && isHandleShaped(decoded) ? profilePath(collection, decoded) : "/";
  const agent = await requireAgent(ownPath);
  if (!isCollection(collection)) {
    return <NotAProfileAddress agentName={agent.name} message="The collection must be users or accounts." />;
  }
  const opened = decoded === null ? null : openProfileHandle(decoded);
  if (!opened || opened.collection !== collection) {
    const parsed = decoded === null ? null : parseIdentifier(decoded);
    const message =
      decoded !== null && isHandleShaped(decoded)
        ? BAD_HANDLE_MESSAGE
        : parsed && !parsed.ok
          ? parsed.message
          : "The identifier is not valid percent-encoding.";
    return <NotAProfileAddress agentName={agent.name} message={message} />;
  }
  const handle = decoded as string;
  const label = formatIdentifier(opened.id);
  // The same 404 state as ProfileView's, rendered on the server when the prefetch already knows.
  const notFound = <ProfileNotFound collection={collection} id={label} />;
  return (
    <AppChrome agentName={agent.name}>
      <ViewSettingsProvider value={viewSettingsOf(getConfig())}>
        <PrefetchedProfile
          agent={agent}
          collection={collection}
          identifier={opened.id}
          handle={handle}
          notFound={notFound}
        >
          <RevealTarget collection={collection} id={handle}>
            <ProfileView collection={collection} id={handle} label={label} />
          </RevealTarget>
        </PrefetchedProfile>
      </ViewSettingsProvider>
    </AppChrome>
  );
}
