import type { AuditStore } from "./store";
import type { SealedEntry } from "./types";

type Pending = { entry: SealedEntry; resolve: () => void; reject: (error: unknown) => void };

export type WriterOptions = {
  /**
   * How long the first entry of a batch waits for company. 0 (the default): group commit — a batch is written as soon
   * as the event loop has taken what arrived in the same turn, and whatever arrives while it is written forms the next
   * batch, so a lone agent waits one transaction and a busy server batches on its own.
   */
  flushDelayMs?: number;
  /** A batch this large is written at once. */
  maxBatch?: number;
};

/**
 * Batches audit entries: `record` queues one and resolves when the batch holding it is committed (or rejects when the
 * store failed), so a request waits at most for the batch being written and its own (plus `flushDelayMs` if set). One
 * batch is written at a time (the chain is sequential); entries that arrive meanwhile form the next batch. `close`
 * writes what is queued.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  /** Cancels the scheduled flush, if one is scheduled. */
  private cancelScheduled: (() => void) | undefined;
  private writing: Promise<void> | undefined;
  private closed = false;
  private readonly flushDelayMs: number;
  private readonly maxBatch: number;

  constructor(
    private readonly store: AuditStore,
    options: WriterOptions = {},
  ) {
    this.flushDelayMs = options.flushDelayMs ?? 0;
    this.maxBatch = options.maxBatch ?? 500;
  }

  record(entry: SealedEntry): Promise<void> {
    if (this.closed) return Promise.reject(new Error("the audit writer is closed"));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (this.queue.length >= this.maxBatch) void this.flush();
      else if (!this.writing) this.cancelScheduled ??= this.schedule();
      // While a batch is being written, flush() takes this entry next, right after that batch.
    });
  }

  private schedule(): () => void {
    const run = () => void this.flush();
    if (this.flushDelayMs > 0) {
      const timer = setTimeout(run, this.flushDelayMs);
      return () => clearTimeout(timer);
    }
    const immediate = setImmediate(run);
    return () => clearImmediate(immediate);
  }

  private cancelTimer(): void {
    this.cancelScheduled?.();
    this.cancelScheduled = undefined;
  }

  /** Writes everything queued so far (after the batch in progress, if any). */
  async flush(): Promise<void> {
    this.cancelTimer();
    while (this.writing) await this.writing;
    const batch = this.queue.splice(0, this.queue.length);
    if (batch.length === 0) return;
    this.writing = this.store.append(batch.map((p) => p.entry)).then(
      () => batch.forEach((p) => p.resolve()),
      (error: unknown) => batch.forEach((p) => p.reject(error)),
    );
    await this.writing;
    this.writing = undefined;
    if (this.queue.length) await this.flush();
  }

  /**
   * The last chance at process exit, when no promise will settle any more: the queue written synchronously (SQLite).
   * True when nothing was left behind.
   */
  flushSync(): boolean {
    if (!this.store.appendSync) return this.queue.length === 0;
    this.cancelTimer();
    const batch = this.queue.splice(0, this.queue.length);
    this.store.appendSync(batch.map((p) => p.entry));
    batch.forEach((p) => p.resolve());
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    await this.store.close();
  }

  get pending(): number {
    return this.queue.length;
  }
}
