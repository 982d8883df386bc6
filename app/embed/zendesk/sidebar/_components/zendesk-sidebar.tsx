"use client";

import { useEffect, useRef, useState } from "react";
import { EmbeddedProfile } from "@/app/embed/_components/embedded-profile";
import { IdentifierForm } from "@/app/embed/_components/identifier-form";
import { pickRequesterIdentifier, requesterHint, type ZendeskRequester } from "@/lib/embed/zendesk-requester";
import { ZafClient } from "@/lib/embed/zaf-client";
import type { ProfileIdentifier } from "@/lib/profile-api/identifiers";

type Props = { origin: string; appGuid: string; identifierOrder: readonly string[] };
type View = { status: "waiting" } | { status: "found"; id: ProfileIdentifier } | { status: "unmatched"; hint: string };

/**
 * The Zendesk ticket sidebar: asks ZAF for the ticket requester, shows the customer picked by ZENDESK_IDENTIFIER_ORDER,
 * follows a change of requester, and keeps the app frame as tall as its content.
 */
export function ZendeskSidebar({ origin, appGuid, identifierOrder }: Props) {
  const [view, setView] = useState<View>({ status: "waiting" });
  const rootRef = useRef<HTMLDivElement>(null);
  const order = identifierOrder.join(",");

  useEffect(() => {
    const client = new ZafClient(origin, appGuid);
    const types = order.split(",");
    const load = () =>
      client.get<ZendeskRequester>("ticket.requester").then(
        (requester) => {
          const id = pickRequesterIdentifier(requester, types);
          setView(id ? { status: "found", id } : { status: "unmatched", hint: requesterHint(requester) });
        },
        () => setView({ status: "unmatched", hint: "" }),
      );
    void load();
    const off = client.on("ticket.requester.id.changed", () => void load());
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(rootRef.current?.getBoundingClientRect().height ?? 0);
      if (height > 0) client.invoke("resize", { height: `${height}px` }).catch(() => undefined);
    });
    if (rootRef.current) observer.observe(rootRef.current);
    return () => {
      off();
      observer.disconnect();
      client.destroy();
    };
  }, [origin, appGuid, order]);

  return (
    <div ref={rootRef}>
      {view.status === "waiting" ? <p className="p-3 text-sm">Waiting for Zendesk…</p> : null}
      {view.status === "found" ? <EmbeddedProfile id={view.id} /> : null}
      {view.status === "unmatched" ? (
        <IdentifierForm initial={view.hint} onSubmit={(id) => setView({ status: "found", id })} />
      ) : null}
    </div>
  );
}
