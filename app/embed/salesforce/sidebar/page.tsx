import type { Metadata } from "next";
import { EmbedSession, ReloadPrompt } from "@/app/embed/_components/embed-session";
import { getEmbedSession } from "@/lib/auth/embed-session";
import { getConfig } from "@/lib/config";
import { SalesforceSidebar } from "./_components/salesforce-sidebar";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile Sidebar · Salesforce" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where POST /embed/salesforce lands, with the record's customer identifier in `id` and the one-time
 * hand-off `code` (used when the browser sent no session cookie). */
export default async function SalesforceSidebarPage({ searchParams }: Props) {
  const { id, code } = await searchParams;
  const session = await getEmbedSession("salesforce", typeof code === "string" ? code : undefined);
  if (!session) return <ReloadPrompt reason="You are not signed in to Profile Sidebar here." />;
  return (
    <EmbedSession token={session.token} expiresAt={session.expiresAt}>
      <SalesforceSidebar initialId={typeof id === "string" ? id : ""} pinnedTraits={getConfig().PINNED_TRAITS} />
    </EmbedSession>
  );
}
