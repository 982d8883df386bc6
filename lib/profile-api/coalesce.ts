import "server-only";

/**
 * Request coalescing: identical concurrent upstream calls share one call and one outcome,
 * errors included (50 agents opening the same customer cost one upstream request, and a
 * failure is reported once, not retried 50 times). A refresh never joins a call that was
 * already in flight (its answer may predate what the agent wants to see); it starts its own
 * call, and callers arriving after it join that newer one.
 */
export class Coalescer {
  private readonly inflight = new Map<string, Promise<unknown>>();
  private launched = 0;
  private joined = 0;

  /**
   * Runs `call` unless an identical one is in flight. The shared call is not tied to any one
   * caller: `signal` only stops this caller waiting, never the call the others share.
   */
  run<T>(key: string, call: () => Promise<T>, options: { fresh?: boolean; signal?: AbortSignal } = {}): Promise<T> {
    let shared = options.fresh ? undefined : (this.inflight.get(key) as Promise<T> | undefined);
    if (shared) {
      this.joined++;
    } else {
      this.launched++;
      const started = Promise.resolve().then(call);
      shared = started;
      this.inflight.set(key, started);
      const forget = () => {
        // A newer (refresh) call may have replaced this one under the same key: leave it be.
        if (this.inflight.get(key) === started) this.inflight.delete(key);
      };
      started.then(forget, forget);
    }
    return options.signal ? raceAbort(shared, options.signal) : shared;
  }

  stats(): { launched: number; joined: number; inflight: number } {
    return { launched: this.launched, joined: this.joined, inflight: this.inflight.size };
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.finally(() => signal.removeEventListener("abort", onAbort)).then(resolve, reject);
  });
}
