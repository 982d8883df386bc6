import { SEED_IDS } from "../seed-ids";
import { buildAccount, companyName } from "./accounts";
import { buildAda } from "./ada";
import { buildCrowdUser } from "./crowd";
import { buildDocsAccount, buildDocsEventsUser, buildDocsLinkedAccounts, buildDocsTraitsUser } from "./docs-samples";
import { buildHeavy, buildManyTraits, buildQuiet, buildWeird } from "./featured";
import { SOURCES } from "./catalog";
import { DAY_MS, finalizeProfile, linkProfiles, setTraits } from "./profile-builder";
import { createRng, hashSeed } from "./rng";
import type { Collection, Dataset, Profile } from "./types";

export const SEED_SIZES = {
  crowdUsers: 300,
  crowdAccounts: 30,
  heavyMinEvents: 3200,
  manyCustomTraits: 120,
  globexUsers: 24,
  acmeUsers: 6,
} as const;
export const DEFAULT_SEED = 20260101;

function valueOf(identifier: string): string {
  return identifier.slice(identifier.indexOf(":") + 1);
}

/** Builds the whole data set; same seed and anchor → identical profiles. */
export function buildDataset(seed: number, anchor: Date): Dataset {
  const anchorMs = anchor.getTime();
  const rng = (name: string) => createRng(hashSeed(seed, name));
  const acme = buildAccount(rng("acme"), "acct_acme", "Acme Corp", anchorMs);
  const accounts = [acme];
  for (let i = 0; i < SEED_SIZES.crowdAccounts - 1; i++) {
    const name = companyName(i);
    accounts.push(
      buildAccount(rng(`account-${i}`), `acct_${name.toLowerCase().replace(/[^a-z]/g, "")}`, name, anchorMs),
    );
  }
  const [, globex, initech] = accounts as [Profile, Profile, Profile];
  const ada = buildAda(rng("ada"), anchorMs, ["acct_acme", "acct_globex", "acct_initech"]);
  [acme, globex, initech].forEach((a) => linkProfiles(ada, a));

  const users: Profile[] = [ada];
  for (let i = 0; i < SEED_SIZES.crowdUsers; i++) {
    const r = rng(`user-${i}`);
    const picks = pickAccounts(i, accounts, r.int(0, 2));
    const { profile } = buildCrowdUser(
      r,
      i,
      anchorMs,
      picks.map((a) => a.external_ids[0]?.id ?? ""),
    );
    picks.forEach((a) => linkProfiles(profile, a));
    const employer = picks[0]?.traits.name?.value;
    // The CRM knows the employer of B2B users (a pinned trait in the views).
    if (typeof employer === "string")
      setTraits(
        profile,
        "trait",
        { company: employer },
        { sources: [SOURCES.crm], rng: r, newestMs: anchorMs - DAY_MS },
      );
    users.push(profile);
  }
  users.push(
    buildHeavy(rng("heavy"), anchorMs, SEED_SIZES.heavyMinEvents),
    buildQuiet(rng("quiet"), anchorMs),
    buildWeird(rng("weird"), anchorMs, valueOf(SEED_IDS.weird.userId)),
    buildManyTraits(rng("many-traits"), anchorMs, SEED_SIZES.manyCustomTraits),
  );

  const docsUser = buildDocsEventsUser(rng("docs-events"), anchorMs);
  const docsTraits = buildDocsTraitsUser(rng("docs-traits"));
  const docsLinked = buildDocsLinkedAccounts(rng("docs-linked"));
  const docsAccount = buildDocsAccount(rng("docs-account"));
  docsLinked.forEach((a) => linkProfiles(docsUser, a));
  linkProfiles(docsTraits, docsAccount);
  users.push(docsUser, docsTraits);
  accounts.push(...docsLinked, docsAccount);

  const profiles = [...users, ...accounts];
  profiles.forEach((p) => finalizeProfile(p, anchorMs));
  return indexDataset(profiles, anchor);
}

/** Deterministic membership: acme gets users 0..5, globex 6..29 (more than one links page), others spread. */
function pickAccounts(i: number, accounts: Profile[], extra: number): Profile[] {
  const [acme, globex] = accounts as [Profile, Profile];
  if (i < SEED_SIZES.acmeUsers) return [acme];
  if (i < SEED_SIZES.acmeUsers + SEED_SIZES.globexUsers) return [globex];
  return Array.from({ length: extra }, (_, k) => accounts[3 + ((i * 7 + k * 11) % (accounts.length - 3))]).filter(
    (a): a is Profile => a !== undefined,
  );
}

function indexDataset(profiles: Profile[], anchor: Date): Dataset {
  const index = new Map<string, Profile>();
  const key = (c: Collection, type: string, value: string) => `${c}\u0000${type}\u0000${value}`;
  for (const p of profiles) for (const id of p.external_ids) index.set(key(p.collection, id.type, id.id), p);
  return { profiles, anchor, find: (c, type, value) => index.get(key(c, type, value)) };
}
