import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { Agent } from "@/lib/auth/agent";
import { requireAgent } from "@/lib/auth/require-agent";
import { getConfig, viewSettingsOf } from "@/lib/config";
import { ViewSettingsProvider } from "@/components/profile/view-settings-context";
import { formatIdentifier, parseIdentifier } from "@/lib/core/identifiers";
import { embedPath } from "@/lib/core/paths";
import { BAD_HANDLE_MESSAGE } from "@/lib/bff/profile-param";
import { openProfileHandle, profileHandle } from "@/lib/governance/profile-handle";
import { resolveEmbedParams } from "@/lib/views/lookup-input";
import { PrefetchedProfile } from "@/app/_server/prefetched-profile";
import { ProfileSidebar } from "@/components/sidebar/profile-sidebar";
import { SidebarLookup } from "@/components/sidebar/sidebar-lookup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile · Sidebar" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The sidebar of the profile a handle names, or the lookup when the handle does not open here. */
function HandleSidebar({ agent, handle }: { agent: Agent; handle: string }) {
  const opened = openProfileHandle(handle);
  if (!opened) return <SidebarLookup message={BAD_HANDLE_MESSAGE} />;
  const profile = { collection: opened.collection, id: handle, label: formatIdentifier(opened.id) };
  return (
    <PrefetchedProfile
      agent={agent}
      collection={opened.collection}
      identifier={opened.id}
      handle={handle}
      notFound={<ProfileSidebar {...profile} notFound />}
    >
      <ProfileSidebar {...profile} />
    </PrefetchedProfile>
  );
}

/**
 * The compact sidebar, no app chrome: `/embed?h=<handle>` (DESIGN §10). The older forms that name the identifier
 * (`?id=type:value`, `?email=`, `?user_id=`…, with `collection=accounts`) redirect to the handle form, through the
 * sign-in page when needed, so the identifier stays in the address only as long as the host put it there.
 */
export default async function EmbedPage({ searchParams }: Props) {
  const params = await searchParams;
  if (typeof params.h === "string") {
    const agent = await requireAgent(embedPath(params.h));
    return (
      <Frame>
        <HandleSidebar agent={agent} handle={params.h} />
      </Frame>
    );
  }
  const target = resolveEmbedParams(params);
  const parsed = target.ok ? parseIdentifier(target.id) : null;
  if (target.ok && parsed?.ok) {
    const handleForm = embedPath(profileHandle(target.collection, parsed.identifier));
    await requireAgent(handleForm);
    redirect(handleForm);
  }
  await requireAgent("/embed");
  return (
    <Frame>
      <SidebarLookup
        message={target.ok ? "" : target.message}
        initial={typeof params.id === "string" ? params.id : ""}
      />
    </Frame>
  );
}

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <ViewSettingsProvider value={viewSettingsOf(getConfig())}>
      <main className="min-w-0">{children}</main>
    </ViewSettingsProvider>
  );
}
