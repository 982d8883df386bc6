import "server-only";
import { currentAgentKey } from "./agent-scope";
import { RateLimitedError, type Release } from "./rate-limiter";

/**
 * Per-agent fairness in front of the space's limiter (DESIGN §9). Waiters queue per agent; each slot the limiter grants
 * goes to the next agent in round-robin order, never to whoever asked first. With N agents waiting, each gets rate/N:
 * one agent firing hundreds of lookups (a script, a stuck tab) only lengthens its own queue, and another agent's next
 * request waits at most N slots (N/rate seconds: under a second at 100/s while fewer than 100 agents are waiting).
 * Exactly one slot is asked of the limiter at a time, so the order the limiter grants in is the order chosen here.
 */

export type SlotSource = {
  acquire(deadlineAt: number, signal?: AbortSignal): Promise<Release>;
  currentRate(): number;
};

type Waiter = {
  agent: string;
  deadlineAt: number;
  resolve: (release: Release) => void;
  reject: (error: unknown) => void;
  cleanup: () => void;
};

export class FairQueue {
  /** Agent → its waiters, oldest first. The Map's order is the round-robin order: a served agent moves to the end. */
  private readonly queues = new Map<string, Waiter[]>();
  private waiting = 0;
  private asking = false;

  constructor(
    private readonly source: SlotSource,
    private readonly maxQueue: number,
    private readonly now: () => number = Date.now,
  ) {}

  acquire(deadlineAt: number, signal?: AbortSignal, agent = currentAgentKey()): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.waiting >= this.maxQueue) return Promise.reject(new RateLimitedError(this.secondsToDrain(), "queue_full"));
    const eta = this.now() + (this.slotsAheadOf(agent) * 1000) / this.source.currentRate();
    if (eta > deadlineAt) return Promise.reject(new RateLimitedError(this.secondsToDrain(), "deadline"));
    return new Promise<Release>((resolve, reject) => {
      const timer = setTimeout(
        () => this.drop(waiter, new RateLimitedError(this.secondsToDrain(), "deadline")),
        Math.max(0, deadlineAt - this.now()),
      );
      const onAbort = () => this.drop(waiter, signal?.reason);
      const waiter: Waiter = {
        agent,
        deadlineAt,
        resolve,
        reject,
        cleanup: () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const queue = this.queues.get(agent) ?? [];
      if (queue.length === 0) this.queues.set(agent, queue);
      queue.push(waiter);
      this.waiting++;
      this.askForSlot();
    });
  }

  stats(): { waiting: number; agents: number } {
    return { waiting: this.waiting, agents: this.queues.size };
  }

  /** Slots granted before a new request of `agent` under round robin: one per other agent's turn, up to its own. */
  private slotsAheadOf(agent: string): number {
    const position = (this.queues.get(agent)?.length ?? 0) + 1;
    let ahead = 0;
    for (const [other, queue] of this.queues) ahead += other === agent ? position : Math.min(queue.length, position);
    return this.queues.has(agent) ? ahead : ahead + 1;
  }

  private secondsToDrain(): number {
    return Math.max(1, Math.ceil(this.waiting / this.source.currentRate()));
  }

  private askForSlot(): void {
    if (this.asking || this.waiting === 0) return;
    this.asking = true;
    const latest = Math.max(...[...this.queues.values()].flatMap((q) => q.map((w) => w.deadlineAt)));
    this.source.acquire(latest).then(
      (release) => {
        this.asking = false;
        const waiter = this.nextInTurn();
        if (waiter) waiter.resolve(release);
        else release(); // everyone left while we waited: the slot goes back unused
        this.askForSlot();
      },
      (error: unknown) => {
        // The limiter cannot grant even by the latest deadline: nobody waiting here can be served in time.
        this.asking = false;
        for (const queue of [...this.queues.values()]) for (const waiter of [...queue]) this.drop(waiter, error);
      },
    );
  }

  private nextInTurn(): Waiter | undefined {
    const first = this.queues.entries().next();
    if (first.done) return undefined;
    const [agent, queue] = first.value;
    const waiter = queue.shift();
    this.queues.delete(agent);
    if (queue.length > 0) this.queues.set(agent, queue); // to the back of the round
    if (waiter) {
      this.waiting--;
      waiter.cleanup();
    }
    return waiter;
  }

  private drop(waiter: Waiter, error: unknown): void {
    const queue = this.queues.get(waiter.agent);
    const index = queue?.indexOf(waiter) ?? -1;
    if (!queue || index < 0) return;
    queue.splice(index, 1);
    if (queue.length === 0) this.queues.delete(waiter.agent);
    this.waiting--;
    waiter.cleanup();
    waiter.reject(error);
  }
}
