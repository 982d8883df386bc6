import { afterAll, beforeAll } from "vitest";
import { SIM_DEFAULTS } from "../seed-ids";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../server";

/** A fixed clock anchor so answers are reproducible across runs. */
export const ANCHOR = new Date("2026-11-20T12:00:00.000Z");
export const AUTH = `Basic ${Buffer.from(`${SIM_DEFAULTS.token}:`).toString("base64")}`;

export type Answer = { status: number; headers: Headers; body: unknown; text: string };

/** Starts one simulator (port 0) for the calling test file and closes it afterwards. */
export function withSimulator(options: SimulatorOptions = {}): {
  sim: () => RunningSimulator;
  get: (path: string, init?: RequestInit) => Promise<Answer>;
} {
  let sim: RunningSimulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: ANCHOR, rateLimit: 0, ...options });
  });
  afterAll(async () => {
    await sim?.close();
  });
  const current = () => {
    if (!sim) throw new Error("simulator not started");
    return sim;
  };
  return { sim: current, get: (path, init) => call(current().url, path, init) };
}

export async function call(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  // Tests pass `authorization: none` to send no credentials at all.
  if (!headers.has("authorization")) headers.set("authorization", AUTH);
  if (headers.get("authorization") === "none") headers.delete("authorization");
  const res = await fetch(`${base}${path}`, { ...init, headers });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

export const users = (id: string, resource: string, query = "") =>
  `/v1/spaces/${SIM_DEFAULTS.spaceId}/collections/users/profiles/${id}/${resource}${query}`;
export const accounts = (id: string, resource: string, query = "") =>
  `/v1/spaces/${SIM_DEFAULTS.spaceId}/collections/accounts/profiles/${id}/${resource}${query}`;

/** `type:value` with the value percent-encoded the way a careful client does it. */
export function enc(identifier: string): string {
  const colon = identifier.indexOf(":");
  return `${identifier.slice(0, colon)}:${encodeURIComponent(identifier.slice(colon + 1))}`;
}

export type Cursor = { url: string; has_more: boolean; next: string; limit?: number };
export type ErrorAnswer = { error: { code: string; message: string } };
