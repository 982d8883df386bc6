import type { Metadata } from "next";
import { requireAgent } from "@/lib/auth/require-agent";
import { getConfig, viewSettingsOf } from "@/lib/config";
import { ViewSettingsProvider } from "@/components/profile/view-settings-context";
import { resolveEmbedParams } from "@/lib/views/lookup-input";
import { PrefetchedProfile } from "@/app/_server/prefetched-profile";
import { ProfileSidebar } from "@/components/sidebar/profile-sidebar";
import { SidebarLookup } from "@/components/sidebar/sidebar-lookup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile · Sidebar" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The compact sidebar: `/embed?id=type:value` (or `?email=`, `?user_id=`, and `collection=accounts`). No app chrome. */
export default async function EmbedPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (typeof value === "string") query.set(key, value);
  const agent = await requireAgent(`/embed?${query.toString()}`);
  const target = resolveEmbedParams(params);
  return (
    <ViewSettingsProvider value={viewSettingsOf(getConfig())}>
      <main className="min-w-0">
        {target.ok ? (
          <PrefetchedProfile
            agent={agent}
            collection={target.collection}
            id={target.id}
            notFound={<ProfileSidebar collection={target.collection} id={target.id} notFound />}
          >
            <ProfileSidebar collection={target.collection} id={target.id} />
          </PrefetchedProfile>
        ) : (
          <SidebarLookup message={target.message} initial={typeof params.id === "string" ? params.id : ""} />
        )}
      </main>
    </ViewSettingsProvider>
  );
}
