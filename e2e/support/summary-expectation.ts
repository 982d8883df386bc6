// The profile summary text a test expects, built by the app's own pure function (unit-tested on its own in
// lib/views/summary-text.test.ts) from what the simulator holds, read directly with the simulator's token.
import type { EventsPage, ProfileSummary, TraitsPage } from "../../lib/core/api-types";
import { buildSummaryText } from "../../lib/views/summary-text";
import { DEFAULT_VIEW_SETTINGS } from "../../lib/views/view-settings";
import { e2eEnv } from "../../playwright.config";

async function simGet<T>(id: string, resource: string, query: URLSearchParams): Promise<T> {
  const [type, ...rest] = id.split(":");
  const profile = encodeURIComponent(`${type}:${rest.join(":")}`);
  const url = `${e2eEnv.simUrl}/v1/spaces/${e2eEnv.spaceId}/collections/users/profiles/${profile}/${resource}?${query.toString()}`;
  const auth = `Basic ${Buffer.from(`${e2eEnv.simToken}:`).toString("base64")}`;
  const response = await fetch(url, { headers: { Authorization: auth } });
  if (!response.ok) throw new Error(`simulator ${resource}: ${response.status}`);
  return (await response.json()) as T;
}

export async function expectedSummaryText(id: string): Promise<string> {
  const names = DEFAULT_VIEW_SETTINGS.importantEvents;
  const traits = await simGet<TraitsPage>(id, "traits", new URLSearchParams({ limit: "200" }));
  const events = await simGet<EventsPage>(id, "events", new URLSearchParams({ include: names.join(","), limit: "4" }));
  const summary = { collection: "users", id, traits: traits.traits, computed_traits: {} } as ProfileSummary;
  return buildSummaryText({ summary, events: events.data });
}
