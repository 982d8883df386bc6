import type { Metadata } from "next";
import { EmbedSession, ReloadPrompt } from "@/app/embed/_components/embed-session";
import { getEmbedSession } from "@/lib/auth/embed-session";
import { openRecordContext } from "@/lib/auth/record-context";
import { getConfig, viewSettingsOf } from "@/lib/config";
import { ViewSettingsProvider } from "@/components/profile/view-settings-context";
import { SalesforceSidebar } from "./_components/salesforce-sidebar";
import { sidebarProfileOf } from "@/app/_server/sidebar-profile";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile Sidebar · Salesforce" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where POST /embed/salesforce lands, with the record's customer identifier sealed in `ctx` (never in clear in
 * the URL; only opened for the agent it was issued to) and the one-time hand-off `code` (used when the browser sent no
 * session cookie). A reload keeps `ctx`, so it shows the same customer while the session lasts. */
export default async function SalesforceSidebarPage({ searchParams }: Props) {
  const { ctx, code } = await searchParams;
  const session = await getEmbedSession("salesforce", typeof code === "string" ? code : undefined);
  if (!session) return <ReloadPrompt reason="You are not signed in to Profile Sidebar here." />;
  const config = getConfig();
  const id =
    typeof ctx === "string" ? await openRecordContext(ctx, session.agent, "salesforce", config.AUTH_SECRET) : null;
  return (
    <EmbedSession token={session.token} expiresAt={session.expiresAt}>
      <ViewSettingsProvider value={viewSettingsOf(config)}>
        <SalesforceSidebar initial={id ? sidebarProfileOf(id) : null} />
      </ViewSettingsProvider>
    </EmbedSession>
  );
}
