// The part of `zendesk_app_framework_sdk` (2.0.x, CommonJS, no bundled types) the Zendesk sidebar uses.
declare module "zendesk_app_framework_sdk" {
  export interface ZAFClientInstance {
    /** Resolves with an object keyed by the path(s) asked, e.g. `{ "ticket.requester": {...} }`. */
    get(path: string | string[]): Promise<Record<string, unknown>>;
    invoke(name: string, ...args: unknown[]): Promise<unknown>;
    on(name: string, handler: (data: unknown) => void, context?: unknown): void;
    off(name: string, handler: (data: unknown) => void): unknown;
  }
  const ZAFClient: {
    /** `false` when the page URL (query, else hash) lacks `origin` or `app_guid`. */
    init(callback?: (context: unknown) => void): ZAFClientInstance | false;
  };
  export default ZAFClient;
}
