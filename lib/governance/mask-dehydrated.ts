import "server-only";
import type { DehydratedState } from "@tanstack/react-query";
import { type Agent, roleOf } from "@/lib/auth/agent";
import { maskJson } from "./masking";
import { getMaskPolicy } from "./policy";
import { canReveal } from "./roles";

/**
 * A server-rendered page's prefetched data, masked for `agent` exactly as the BFF masks its answers: the dehydrated
 * state is serialised into the HTML, so this is the page's equivalent of the BFF's one masking step.
 */
export function maskDehydratedState(state: DehydratedState, agent: Agent): DehydratedState {
  const policy = { ...getMaskPolicy(), revealable: canReveal(roleOf(agent)) };
  return {
    ...state,
    queries: state.queries.map((query) => ({
      ...query,
      state: { ...query.state, data: maskJson(query.state.data, policy) },
    })),
  };
}
