import { COMPANY_WORDS, INDUSTRIES, SOURCES, type Platform } from "./catalog";
import { ascii } from "./crowd";
import { makeEvent, type Actor } from "./events";
import { addExternalId, DAY_MS, newProfile, setTraits } from "./profile-builder";
import type { Rng } from "./rng";
import type { Profile, SeedEvent } from "./types";

export function companyName(index: number): string {
  return COMPANY_WORDS[index % COMPANY_WORDS.length] ?? "Company";
}

/** An account (B2B company) with firmographic traits, computed traits, audiences and a few group-level events. */
export function buildAccount(rng: Rng, groupId: string, name: string, anchorMs: number): Profile {
  const profile = newProfile("accounts", `acc_${rng.base62(27)}`);
  const createdMs = anchorMs - rng.int(60, 900) * DAY_MS;
  addExternalId(profile, rng, {
    type: "group_id",
    id: groupId,
    source_id: SOURCES.server,
    created_at: new Date(createdMs).toISOString(),
  });
  const employees = rng.pick([12, 48, 150, 420, 1200, 5400]);
  const mrr = rng.pick([0, 49, 299, 1490, 4990, 12500]);
  const origin = { sources: [SOURCES.server, SOURCES.crm], rng, newestMs: anchorMs - DAY_MS };
  setTraits(
    profile,
    "trait",
    {
      name,
      plan: mrr === 0 ? "free" : mrr < 1000 ? "pro" : "enterprise",
      industry: rng.pick(INDUSTRIES),
      employees,
      mrr,
      arr: mrr * 12,
      website: `https://www.${ascii(name)}.example`,
      created_at: new Date(createdMs).toISOString(),
      billing: {
        currency: "USD",
        payment_method: rng.pick(["card", "invoice"]),
        next_invoice_at: new Date(anchorMs + rng.int(1, 28) * DAY_MS).toISOString().slice(0, 10),
      },
    },
    origin,
  );
  const computed = { sources: [SOURCES.computed], rng, newestMs: anchorMs - 3_600_000, spreadMs: DAY_MS };
  setTraits(
    profile,
    "computed_trait",
    { active_users_last_30_days: rng.int(1, 60), total_revenue: mrr * rng.int(3, 30) },
    computed,
  );
  setTraits(
    profile,
    "audience",
    { enterprise_accounts: mrr >= 1000, expansion_ready: rng.chance(0.3), at_risk_accounts: rng.chance(0.2) },
    computed,
  );
  profile.events = accountEvents(profile, rng, groupId, anchorMs);
  return profile;
}

function accountEvents(profile: Profile, rng: Rng, groupId: string, anchorMs: number): SeedEvent[] {
  const actor: Actor = {
    profile,
    anonymousIds: [],
    platforms: ["server"] as Platform[],
    ip: "10.0.0.1",
    groupIds: [groupId],
  };
  const names = ["Group", "Invoice Paid", "Seat Added", "Plan Changed", "Subscription Renewed"];
  return Array.from({ length: rng.int(3, 12) }, () => {
    const name = rng.pick(names);
    const ev = makeEvent(actor, rng, {
      type: name === "Group" ? "group" : "track",
      event: name,
      ms: anchorMs - Math.floor(rng.next() * 18 * DAY_MS),
      platform: "server",
      properties:
        name === "Invoice Paid" ? { amount: rng.pick([49, 299, 1490]), currency: "USD" } : { group_id: groupId },
      ...(name === "Group"
        ? { traits: { name: typeof profile.traits.name?.value === "string" ? profile.traits.name.value : groupId } }
        : {}),
    });
    ev.body.external_ids = [{ collection: "accounts", type: "group_id", id: groupId, encoding: "none" }];
    ev.body.related = { accounts: profile.segment_id };
    return ev;
  });
}
