/**
 * Test host pages on another site than the app (`http://127.0.0.1:<port>` framing `http://localhost:<port>`): a fake
 * Zendesk that launches the app with a signed-URL POST into its iframe and answers the ZAF client's postMessages, a
 * fake Salesforce that POSTs a Canvas signed request, and a plain framing page.
 */
import { createServer, type Server } from "node:http";

export type HostServer = { url: string; show(name: string, html: string): string; close(): Promise<void> };

export async function startHostServer(port: number): Promise<HostServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? "/", "http://x").pathname);
    res.writeHead(html ? 200 : 404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(html ?? "not found");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    show(name, html) {
      pages.set(`/${name}`, html);
      return `${url}/${name}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const attr = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export type ZendeskHostOptions = {
  /** The `origin` Zendesk puts in the launch URL; defaults to the host page's own origin. */
  origin?: string;
  /** Answer the first `get` this many ms late (with the requester as it was when asked): stages an out-of-order reply. */
  delayFirstGetMs?: number;
  /** Width of the app's frame in px (Zendesk's ticket sidebar is about 320; the app must work from 280). */
  frameWidth?: number;
};

/**
 * Launches the app like Zendesk does and plays the framework's side of the protocol the official
 * `zendesk_app_framework_sdk` (2.0.x) speaks, as read from its source (lib/client.js):
 * - every SDK message is a JSON **string**, posted to the exact `origin` and carrying `appGuid` (and `instanceGuid`);
 * - it opens with `{key: "iframe.handshake", message: {version}}` and sends nothing else until the framework answers
 *   `{key: "zaf.app.registered", message: {context, metadata}}` (requests are queued until then);
 * - `get` is `{id, request: "get", params: [paths]}`, `invoke` is `{id, request: "invoke", params: {name: [args]}}`,
 *   both answered by `{id, result}` (a `get` result keyed by path) or `{id, error}`;
 * - `client.on(event)` subscribes with `{key: "iframe.on:<event>", message: {subscriberCount}}` (`iframe.off:` to leave):
 *   the framework only forwards an event, as `{key: "zaf.<event>", message}`, to a frame that subscribed to it.
 * - `invoke("ticket.comment.appendText", text)` appends to the ticket's reply (a textarea here), recorded in
 *   `__zaf.appendedTexts`;
 * Anything else (an object instead of a string, a request before registration, a wrong app_guid, an unknown invoke) is counted in
 * `__zaf.violations` so the test can assert there is none.
 */
export function zendeskHostHtml(
  appUrl: string,
  hostUrl: string,
  token: string,
  requester: unknown,
  options: ZendeskHostOptions = {},
): string {
  const origin = options.origin ?? hostUrl;
  const appGuid = "e2e-app-guid";
  const action = `${appUrl}/embed/zendesk?${new URLSearchParams({ origin, app_guid: appGuid }).toString()}`;
  return `<!doctype html><html><body><h1>Fake Zendesk ticket</h1>
<label for="reply">Reply</label><textarea id="reply" rows="6" cols="60"></textarea>
<iframe name="app" id="app" title="Profile Sidebar" style="width:${options.frameWidth ?? 320}px;height:150px;border:1px solid #999"></iframe>
<form id="launch" method="post" target="app" action="${attr(action)}"><input type="hidden" name="token" value="${attr(token)}"></form>
<script>
const appOrigin = ${JSON.stringify(new URL(appUrl).origin)};
const appGuid = ${JSON.stringify(appGuid)};
const delayFirstGetMs = ${JSON.stringify(options.delayFirstGetMs ?? 0)};
const zaf = window.__zaf = {
  handshakes: [], registered: false, resizes: [], gets: 0, delayedDelivered: false, subscriptions: {}, violations: [],
  appendedTexts: [], reply: "",
  requester: ${JSON.stringify(requester)},
  currentUser: { id: 1, name: "Zoe Zendesk", email: "zoe@acme.example" },
};
const frame = () => document.getElementById("app");
const send = (message) => frame().contentWindow.postMessage(JSON.stringify(message), appOrigin);
window.addEventListener("message", (e) => {
  if (e.origin !== appOrigin || e.source !== frame().contentWindow) return;
  if (typeof e.data !== "string") { zaf.violations.push("not a JSON string: " + JSON.stringify(e.data)); return; }
  const d = JSON.parse(e.data);
  if (d.appGuid !== appGuid) zaf.violations.push("appGuid " + d.appGuid);
  if (d.key === "iframe.handshake") {
    zaf.handshakes.push(d.message && d.message.version);
    zaf.registered = true;
    send({ key: "zaf.app.registered", message: {
      context: { product: "support", location: "ticket_sidebar", instanceGuid: appGuid, account: { subdomain: "acme" } },
      metadata: { appId: 0, installationId: 1, name: "Profile Sidebar", settings: {} },
    } });
    return;
  }
  if (!zaf.registered) { zaf.violations.push("before app.registered: " + e.data); return; }
  if (typeof d.key === "string" && /^iframe\\.(on|off):/.test(d.key)) {
    zaf.subscriptions[d.key.replace(/^iframe\\.(on|off):/, "")] = d.message.subscriberCount;
    return;
  }
  if (d.request === "get") {
    const result = {};
    for (const path of d.params) {
      if (path === "ticket.requester") result[path] = zaf.requester;
      else if (path === "currentUser") result[path] = zaf.currentUser;
      else (result.errors = result.errors || {})[path] = { name: "APIUnavailable", message: "no such path", path };
    }
    const answer = { id: d.id, result: JSON.parse(JSON.stringify(result)) };
    if (zaf.gets++ === 0 && delayFirstGetMs > 0) {
      setTimeout(() => { send(answer); zaf.delayedDelivered = true; }, delayFirstGetMs);
    } else {
      send(answer);
    }
  } else if (d.request === "invoke") {
    for (const name of Object.keys(d.params)) {
      if (name === "resize") { const h = d.params.resize[0].height; zaf.resizes.push(h); frame().style.height = h; }
      else if (name === "ticket.comment.appendText") {
        // The ticket's reply editor: the text is appended where the agent is writing.
        const text = d.params[name][0];
        zaf.appendedTexts.push(text);
        zaf.reply += text;
        document.getElementById("reply").value = zaf.reply;
      } else zaf.violations.push("unknown invoke: " + name);
    }
    send({ id: d.id, result: {} });
  } else {
    zaf.violations.push("unexpected: " + e.data);
  }
});
// Zendesk forwards a framework event only to a frame that subscribed to it.
window.__changeRequester = (r) => {
  zaf.requester = r;
  if (zaf.subscriptions["ticket.requester.id.changed"] > 0) send({ key: "zaf.ticket.requester.id.changed", message: r.id });
};
document.getElementById("launch").submit();
</script></body></html>`;
}

/** Launches the app like a Salesforce Canvas does: a POST of `signed_request` into the canvas frame. */
export function salesforceHostHtml(appUrl: string, signedRequest: string): string {
  return `<!doctype html><html><body><h1>Fake Salesforce record</h1>
<iframe name="canvas" id="canvas" title="Profile Sidebar" style="width:320px;height:400px"></iframe>
<form id="launch" method="post" target="canvas" action="${attr(`${appUrl}/embed/salesforce`)}">
<input type="hidden" name="signed_request" value="${attr(signedRequest)}"></form>
<script>document.getElementById("launch").submit();</script></body></html>`;
}

/** A page that simply frames a URL of the app. */
export function framingHtml(src: string): string {
  return `<!doctype html><html><body><h1>Framing test</h1><iframe id="app" title="app" src="${attr(src)}" style="width:320px;height:400px"></iframe></body></html>`;
}
