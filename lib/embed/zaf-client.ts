/**
 * The few calls of the Zendesk Apps Framework the sidebar needs (`get`, `invoke('resize')`, `on(event)`), spoken over
 * postMessage the way the `zendesk_app_framework_sdk` client does: a handshake naming `app_guid`, requests
 * `{id, request, params, appGuid}` answered by `{id, result | error}`, framework events as `{key: "zaf.<event>"}`.
 * Implemented here instead of loading Zendesk's hosted script, so the strict CSP needs no third-party script source.
 * Messages go to the exact host origin (never `*`) and only messages from the parent window at that origin are read.
 */

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> };
type Handler = (payload: unknown) => void;

const REQUEST_TIMEOUT_MS = 10_000;

export class ZafClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly listener = (event: MessageEvent) => this.receive(event);

  constructor(
    private readonly origin: string,
    private readonly appGuid: string,
    private readonly target: Window = window.parent,
  ) {
    window.addEventListener("message", this.listener);
    this.send({ key: "iframe.handshake", message: { version: "2.0" }, appGuid });
  }

  get<T = unknown>(path: string): Promise<T> {
    return this.request("get", [path]).then((result) => (result as Record<string, unknown>)[path] as T);
  }

  invoke(name: string, ...args: unknown[]): Promise<unknown> {
    return this.request("invoke", { [name]: args });
  }

  on(event: string, handler: Handler): () => void {
    const set = this.handlers.get(event) ?? new Set<Handler>();
    set.add(handler);
    this.handlers.set(event, set);
    return () => set.delete(handler);
  }

  destroy(): void {
    window.removeEventListener("message", this.listener);
    for (const { timer, reject } of this.pending.values()) {
      clearTimeout(timer);
      reject(new Error("client destroyed"));
    }
    this.pending.clear();
  }

  private request(request: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`Zendesk did not answer ${request}`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.send({ id, request, params, appGuid: this.appGuid });
    });
  }

  private send(message: Record<string, unknown>): void {
    this.target.postMessage(JSON.parse(JSON.stringify(message)) as unknown, this.origin);
  }

  private receive(event: MessageEvent): void {
    if (event.origin !== this.origin || event.source !== this.target) return;
    const data = (typeof event.data === "string" ? safeParse(event.data) : event.data) as Record<string, unknown> | null;
    if (!data || typeof data !== "object") return;
    if (typeof data.id === "number" && this.pending.has(data.id)) {
      const pending = this.pending.get(data.id) as Pending;
      this.pending.delete(data.id);
      clearTimeout(pending.timer);
      if (data.error) pending.reject(new Error("Zendesk refused the request"));
      else pending.resolve(data.result);
      return;
    }
    if (typeof data.key === "string" && data.key.startsWith("zaf.")) {
      for (const handler of this.handlers.get(data.key.slice(4)) ?? []) handler(data.message);
    }
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
