import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_IDS } from "../seed-ids";
import { startSimulator, type RunningSimulator } from "../server";
import { ANCHOR, call, enc, users } from "./harness";

let a: RunningSimulator;
let b: RunningSimulator;
let c: RunningSimulator;

beforeAll(async () => {
  [a, b, c] = await Promise.all([
    startSimulator({ port: 0, now: ANCHOR, seed: 7, rateLimit: 0 }),
    startSimulator({ port: 0, now: ANCHOR, seed: 7, rateLimit: 0 }),
    startSimulator({ port: 0, now: ANCHOR, seed: 8, rateLimit: 0 }),
  ]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close(), c.close()]);
});

/** The body with the simulator's own address taken out (the ports differ). */
const answer = async (sim: RunningSimulator, path: string) =>
  (await call(sim.url, path)).text.replaceAll(sim.url, "SIM");

describe("determinism", () => {
  it.each(["traits?limit=200&verbose=true", "events?limit=100", "external_ids", "metadata", "links"])(
    "same seed + anchor → identical %s",
    async (resource) => {
      const [q, s] = resource.split("?");
      const path = users(enc(SEED_IDS.ada.userId), q ?? "", s ? `?${s}` : "");
      expect(await answer(a, path)).toBe(await answer(b, path));
    },
  );

  it("the crowd is identical too (u_1042 events)", async () => {
    const path = users("user_id:u_1042", "events", "?limit=100");
    expect(await answer(a, path)).toBe(await answer(b, path));
  });

  it("another seed → different generated data, same featured identifiers", async () => {
    const path = users(enc(SEED_IDS.ada.userId), "events", "?limit=100");
    expect(await answer(a, path)).not.toBe(await answer(c, path));
    expect((await call(c.url, users(SEED_IDS.heavy.userId, "metadata"))).status).toBe(200);
  });
});
