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
};

/** Launches the app like Zendesk does and plays ZAF's side of the postMessage protocol (get, invoke resize, events). */
export function zendeskHostHtml(
  appUrl: string,
  hostUrl: string,
  token: string,
  requester: unknown,
  options: ZendeskHostOptions = {},
): string {
  const origin = options.origin ?? hostUrl;
  const action = `${appUrl}/embed/zendesk?${new URLSearchParams({ origin, app_guid: "e2e-app-guid" }).toString()}`;
  return `<!doctype html><html><body><h1>Fake Zendesk ticket</h1>
<iframe name="app" id="app" title="Profile Sidebar" style="width:320px;height:150px;border:1px solid #999"></iframe>
<form id="launch" method="post" target="app" action="${attr(action)}"><input type="hidden" name="token" value="${attr(token)}"></form>
<script>
const appOrigin = ${JSON.stringify(new URL(appUrl).origin)};
const delayFirstGetMs = ${JSON.stringify(options.delayFirstGetMs ?? 0)};
window.__zaf = { handshakes: 0, resizes: [], gets: 0, delayedDelivered: false, requester: ${JSON.stringify(requester)} };
const frame = () => document.getElementById("app");
window.addEventListener("message", (e) => {
  if (e.origin !== appOrigin || e.source !== frame().contentWindow) return;
  const d = e.data || {};
  if (d.key === "iframe.handshake") { window.__zaf.handshakes++; return; }
  if (d.request === "get") {
    const answer = { id: d.id, result: { [d.params[0]]: window.__zaf.requester } };
    if (window.__zaf.gets++ === 0 && delayFirstGetMs > 0) {
      setTimeout(() => { frame().contentWindow.postMessage(answer, appOrigin); window.__zaf.delayedDelivered = true; }, delayFirstGetMs);
    } else {
      frame().contentWindow.postMessage(answer, appOrigin);
    }
  } else if (d.request === "invoke") {
    if (d.params.resize) { const h = d.params.resize[0].height; window.__zaf.resizes.push(h); frame().style.height = h; }
    frame().contentWindow.postMessage({ id: d.id, result: {} }, appOrigin);
  }
});
window.__changeRequester = (r) => {
  window.__zaf.requester = r;
  frame().contentWindow.postMessage({ key: "zaf.ticket.requester.id.changed", message: r.id }, appOrigin);
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
