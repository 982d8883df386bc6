import { createProfileApi, type ProfileApiInternals, type ProfileApiSettings } from "../client";
import { parseIdentifier, type ProfileIdentifier } from "@/lib/core/identifiers";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "@/simulator/server";
import { SIM_DEFAULTS } from "@/simulator/seed-ids";

/** Test helpers: a real simulator on an ephemeral port and a client pointed at it. */

export function id(raw: string): ProfileIdentifier {
  const parsed = parseIdentifier(raw);
  if (!parsed.ok) throw new Error(`bad test identifier ${raw}`);
  return parsed.identifier;
}

export function settingsFor(sim: RunningSimulator, overrides: Partial<ProfileApiSettings> = {}): ProfileApiSettings {
  return {
    baseUrl: sim.url,
    spaceId: SIM_DEFAULTS.spaceId,
    accessToken: SIM_DEFAULTS.token,
    maxAttempts: 4,
    attemptTimeoutMs: 3_000,
    deadlineMs: 8_000,
    poolConnections: 8,
    rateLimitPerSecond: 100,
    cacheTtlTraitsMs: 0,
    cacheTtlEventsMs: 0,
    cacheMaxBytes: 0,
    ...overrides,
  };
}

export async function startSim(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  // The simulator's own rate limit is off unless a test is about it, so request counts stay exact.
  return startSimulator({ port: 0, rateLimit: 0, ...options });
}

export function clientFor(
  sim: RunningSimulator,
  overrides: Partial<ProfileApiSettings> = {},
  internals?: ProfileApiInternals,
) {
  return createProfileApi(settingsFor(sim, overrides), internals);
}

/** Resolves with the rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}
