import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Which agent the current request serves, for the rate limiter's per-agent fairness (README, "Several instances").
 * Set once by the BFF wrapper around its handler, so nothing between the route and the limiter has to pass it along.
 * Only an opaque key lives here (never logged, never sent to Redis): the fair queue just needs to tell agents apart.
 */
const scope = new AsyncLocalStorage<string>();

export function runAsAgent<T>(agentKey: string, work: () => Promise<T>): Promise<T> {
  return scope.run(agentKey, work);
}

/** The agent of the current request; calls outside any request (prefetch at render, tests) share one key. */
export function currentAgentKey(): string {
  return scope.getStore() ?? "-";
}
