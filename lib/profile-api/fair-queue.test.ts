import { describe, expect, it } from "vitest";
import { FairQueue } from "./fair-queue";
import { RateLimitedError, RateLimiter } from "./rate-limiter";

describe("per-agent fairness", () => {
  it("an agent flooding the limiter does not hold another agent's request past a few slots", async () => {
    const limiter = new RateLimiter({ rate: 10, burst: 1 });
    const fair = new FairQueue(limiter, 1_000);
    const deadline = Date.now() + 20_000;
    const flood = Array.from({ length: 40 }, () =>
      fair.acquire(deadline, undefined, "script").then((release) => release()),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const asked = Date.now();
    const release = await fair.acquire(deadline, undefined, "calm");
    const waited = Date.now() - asked;
    release();
    // FIFO would make the calm agent wait behind ~39 of the script's requests (~4 s at 10/s); round robin: ≤ 2 slots.
    expect(waited).toBeLessThan(400);
    expect(fair.stats().agents).toBe(1); // only the script still waits
    await Promise.allSettled(flood);
  }, 10_000);

  it("two busy agents get alternate slots", async () => {
    const fair = new FairQueue(new RateLimiter({ rate: 50, burst: 1 }), 1_000);
    const order: string[] = [];
    const deadline = Date.now() + 10_000;
    const a = Array.from({ length: 10 }, () =>
      fair.acquire(deadline, undefined, "a").then((r) => (order.push("a"), r())),
    );
    const b = Array.from({ length: 10 }, () =>
      fair.acquire(deadline, undefined, "b").then((r) => (order.push("b"), r())),
    );
    await Promise.all([...a, ...b]);
    const tail = order.slice(2, 12).join("");
    expect(tail === "ababababab" || tail === "bababababa").toBe(true);
  });

  it("refuses at once when the agent's turn cannot come before its deadline, and when the queue is full", async () => {
    const fair = new FairQueue(new RateLimiter({ rate: 1, burst: 1 }), 3);
    const deadline = Date.now() + 60_000;
    (await fair.acquire(deadline, undefined, "a"))();
    const held = [fair.acquire(deadline, undefined, "a"), fair.acquire(deadline, undefined, "a")];
    for (const p of held)
      p.then(
        (release) => release(),
        () => {},
      );
    // Round robin puts "b" second: two slots at 1/s cannot come within half a second.
    await expect(fair.acquire(Date.now() + 500, undefined, "b")).rejects.toMatchObject({ reason: "deadline" });
    held.push(fair.acquire(deadline, undefined, "a"));
    await expect(fair.acquire(deadline, undefined, "c")).rejects.toBeInstanceOf(RateLimitedError);
    await expect(fair.acquire(deadline, undefined, "c")).rejects.toMatchObject({ reason: "queue_full" });
  });
});
