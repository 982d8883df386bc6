"use client";

import { useEffect, useRef, useState } from "react";
import { IdentifierForm } from "@/components/sidebar/identifier-form";
import { ProfileSidebar } from "@/components/sidebar/profile-sidebar";
import { pickRequesterIdentifier, requesterHint, type ZendeskRequester } from "@/lib/embed/zendesk-requester";
import { latestOnly } from "@/lib/embed/latest-only";
import { ZafClient } from "@/lib/embed/zaf-client";
import { targetForIdentifier, type SidebarTarget } from "@/lib/views/lookup-input";

type Props = { origin: string; appGuid: string; identifierOrder: readonly string[]; pinnedTraits: readonly string[] };
type View = { status: "waiting" } | { status: "found"; target: SidebarTarget } | { status: "unmatched"; hint: string };

/**
 * The Zendesk ticket sidebar: asks ZAF for the ticket requester, shows the customer picked by ZENDESK_IDENTIFIER_ORDER,
 * follows a change of requester (only the newest read may set the view: an older ZAF answer arriving late is dropped),
 * and keeps the app frame as tall as its content.
 */
export function ZendeskSidebar({ origin, appGuid, identifierOrder, pinnedTraits }: Props) {
  const [view, setView] = useState<View>({ status: "waiting" });
  const rootRef = useRef<HTMLDivElement>(null);
  const order = identifierOrder.join(",");

  useEffect(() => {
    const client = new ZafClient(origin, appGuid);
    const types = order.split(",");
    const latest = latestOnly();
    const load = () => {
      const isLatest = latest.begin();
      return client.get<ZendeskRequester>("ticket.requester").then(
        (requester) => {
          if (!isLatest()) return;
          const id = pickRequesterIdentifier(requester, types);
          setView(id ? { status: "found", target: targetForIdentifier(id) } : { status: "unmatched", hint: requesterHint(requester) });
        },
        () => {
          if (isLatest()) setView({ status: "unmatched", hint: "" });
        },
      );
    };
    void load();
    const off = client.on("ticket.requester.id.changed", () => void load());
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(rootRef.current?.getBoundingClientRect().height ?? 0);
      if (height > 0) client.invoke("resize", { height: `${height}px` }).catch(() => undefined);
    });
    if (rootRef.current) observer.observe(rootRef.current);
    return () => {
      latest.cancel();
      off();
      observer.disconnect();
      client.destroy();
    };
  }, [origin, appGuid, order]);

  return (
    <div ref={rootRef}>
      {view.status === "waiting" ? <p className="p-3 text-sm">Waiting for Zendesk…</p> : null}
      {view.status === "found" ? (
        <ProfileSidebar
          key={`${view.target.collection}:${view.target.id}`}
          collection={view.target.collection}
          id={view.target.id}
          pinnedTraits={pinnedTraits}
        />
      ) : null}
      {view.status === "unmatched" ? (
        <div className="p-3">
          <IdentifierForm initial={view.hint} prompt="No customer matched this record. Look one up:" onOpen={(target) => setView({ status: "found", target })} />
        </div>
      ) : null}
    </div>
  );
}
