"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { ZAFClientInstance } from "zendesk_app_framework_sdk";
import { ReplyTargetContext, type ReplyTarget } from "@/components/profile/reply-target";
import { IdentifierForm } from "@/components/sidebar/identifier-form";
import { ProfileSidebar } from "@/components/sidebar/profile-sidebar";
import { pickRequesterIdentifier, requesterHint, type ZendeskRequester } from "@/lib/embed/zendesk-requester";
import { latestOnly } from "@/lib/embed/latest-only";
import { useBffFetcher } from "@/lib/queries/client-fetcher";
import { sidebarProfileFor, type SidebarProfile } from "@/lib/queries/lookup";
import { targetForIdentifier } from "@/lib/views/lookup-input";

type Props = { origin: string; appGuid: string; identifierOrder: readonly string[] };
type View = { status: "waiting" } | { status: "found"; target: SidebarProfile } | { status: "unmatched"; hint: string };

const REQUESTER = "ticket.requester";
const REQUESTER_CHANGED = "ticket.requester.id.changed";
/** Adds text at the cursor of the ticket's reply editor (ZAF ticket sidebar API). */
const APPEND_TO_REPLY = "ticket.comment.appendText";

/**
 * One ZAF client per page: the SDK (`zendesk_app_framework_sdk`, bundled, so the strict CSP needs no third-party script
 * source) reads `origin`/`app_guid` from this page's URL itself, handshakes once and keeps its message listener for
 * the page's life. It is loaded in the browser only (it touches `window` when imported). It is started only when the
 * URL holds exactly the `origin` and `app_guid` the server checked (one of each), so it never posts anywhere else.
 */
let shared: { key: string; client: Promise<ZAFClientInstance | null> } | null = null;
function zafClient(origin: string, appGuid: string): Promise<ZAFClientInstance | null> {
  const key = `${origin} ${appGuid}`;
  if (shared?.key === key) return shared.client;
  const query = new URLSearchParams(window.location.search);
  const same = (name: string, value: string) => query.getAll(name).length === 1 && query.get(name) === value;
  const client =
    same("origin", origin) && same("app_guid", appGuid)
      ? import("zendesk_app_framework_sdk").then(({ default: ZAFClient }) => ZAFClient.init() || null)
      : Promise.resolve(null);
  shared = { key, client };
  return client;
}

/**
 * The Zendesk ticket sidebar: asks ZAF for the ticket requester, shows the customer picked by ZENDESK_IDENTIFIER_ORDER,
 * follows a change of requester (only the newest read may set the view: an older ZAF answer arriving late is dropped),
 * and keeps the app frame as tall as its content.
 */
export function ZendeskSidebar({ origin, appGuid, identifierOrder }: Props) {
  const [view, setView] = useState<View>({ status: "waiting" });
  const [client, setClient] = useState<ZAFClientInstance | null>(null);
  const reply = useMemo<ReplyTarget | null>(
    () => (client ? { insert: (text) => client.invoke(APPEND_TO_REPLY, text).then(() => undefined) } : null),
    [client],
  );
  const rootRef = useRef<HTMLDivElement>(null);
  const order = identifierOrder.join(",");
  const fetchBff = useBffFetcher();

  useEffect(() => {
    const types = order.split(",");
    const latest = latestOnly();
    let stop: (() => void) | undefined;
    const ready = latest.begin();
    zafClient(origin, appGuid).then(
      (client) => {
        if (!ready()) return;
        if (!client) {
          setView({ status: "unmatched", hint: "" });
          return;
        }
        setClient(client);
        const load = () => {
          const isLatest = latest.begin();
          client.get(REQUESTER).then(
            (result) => {
              if (!isLatest()) return;
              const requester = (result[REQUESTER] ?? {}) as ZendeskRequester;
              const id = pickRequesterIdentifier(requester, types);
              if (!id) return setView({ status: "unmatched", hint: requesterHint(requester) });
              // The requester's identifier goes to the lookup in a POST body; the sidebar's calls use the handle.
              return sidebarProfileFor(fetchBff, targetForIdentifier(id)).then(
                (target) => isLatest() && setView({ status: "found", target }),
                () => isLatest() && setView({ status: "unmatched", hint: requesterHint(requester) }),
              );
            },
            () => {
              if (isLatest()) setView({ status: "unmatched", hint: "" });
            },
          );
        };
        load();
        const onChange = () => load();
        client.on(REQUESTER_CHANGED, onChange);
        const observer = new ResizeObserver(() => {
          const height = Math.ceil(rootRef.current?.getBoundingClientRect().height ?? 0);
          if (height > 0) client.invoke("resize", { height: `${height}px` }).catch(() => undefined);
        });
        if (rootRef.current) observer.observe(rootRef.current);
        stop = () => {
          client.off(REQUESTER_CHANGED, onChange);
          observer.disconnect();
        };
      },
      () => {
        if (ready()) setView({ status: "unmatched", hint: "" });
      },
    );
    return () => {
      latest.cancel();
      stop?.();
    };
  }, [origin, appGuid, order, fetchBff]);

  return (
    <div ref={rootRef}>
      {view.status === "waiting" ? <p className="p-3 text-sm">Waiting for Zendesk…</p> : null}
      {view.status === "found" ? (
        <ReplyTargetContext.Provider value={reply}>
          <ProfileSidebar key={`${view.target.collection}:${view.target.id}:${view.target.label}`} {...view.target} />
        </ReplyTargetContext.Provider>
      ) : null}
      {view.status === "unmatched" ? (
        <div className="p-3">
          <IdentifierForm
            initial={view.hint}
            prompt="No customer matched this record. Look one up:"
            onOpen={(target) => setView({ status: "found", target })}
          />
        </div>
      ) : null}
    </div>
  );
}
