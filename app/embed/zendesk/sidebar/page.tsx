import type { Metadata } from "next";
import { EmbedSession, ReloadPrompt } from "@/app/embed/_components/embed-session";
import { getEmbedSession } from "@/lib/auth/embed-session";
import { getConfig, viewSettingsOf } from "@/lib/config";
import { ViewSettingsProvider } from "@/components/profile/view-settings-context";
import { isAllowedZendeskOrigin } from "@/lib/embed/host-origin";
import { ZendeskSidebar } from "./_components/zendesk-sidebar";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile Sidebar · Zendesk" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Where POST /embed/zendesk lands: needs the session it just set (or, when the browser keeps no
 * cookie for us, its one-time hand-off `code`), and ZAF's `origin`/`app_guid`. */
export default async function ZendeskSidebarPage({ searchParams }: Props) {
  const params = await searchParams;
  const session = await getEmbedSession("zendesk", first(params.code) || undefined);
  if (!session) return <ReloadPrompt reason="You are not signed in to Profile Sidebar here." />;
  const config = getConfig();
  const origin = first(params.origin);
  const appGuid = first(params.app_guid);
  const policy = { extraOrigins: config.EMBED_ALLOWED_ORIGINS, allowedSubdomains: config.ZENDESK_ALLOWED_SUBDOMAINS };
  // Exactly one of each: the ZAF SDK reads the URL itself and keeps the *last* `origin`, so a repeated one is refused.
  const repeated = Array.isArray(params.origin) || Array.isArray(params.app_guid);
  if (repeated || !isAllowedZendeskOrigin(origin, policy) || !/^[A-Za-z0-9-]{1,64}$/.test(appGuid)) {
    return <p className="p-3 text-sm">Open this page from the Zendesk ticket sidebar.</p>;
  }
  return (
    <EmbedSession token={session.token} expiresAt={session.expiresAt}>
      <ViewSettingsProvider value={viewSettingsOf(config)}>
        <ZendeskSidebar origin={origin} appGuid={appGuid} identifierOrder={config.ZENDESK_IDENTIFIER_ORDER} />
      </ViewSettingsProvider>
    </EmbedSession>
  );
}
