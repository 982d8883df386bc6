import type { AuditStore } from "./store";
import type { SealedEntry } from "./types";

type Pending = { entry: SealedEntry; resolve: () => void; reject: (error: unknown) => void };

export type WriterOptions = {
  /** How long the first entry of a batch waits for company: bounds what auditing adds to a request. */
  flushDelayMs?: number;
  /** A batch this large is written at once. */
  maxBatch?: number;
};

/**
 * Batches audit entries: `record` queues one and resolves when the batch holding it is committed (or rejects when the
 * store failed), so a request waits at most `flushDelayMs` plus one small transaction. One batch is written at a time
 * (the chain is sequential); entries that arrive meanwhile form the next batch. `close` writes what is queued.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private closed = false;
  private readonly flushDelayMs: number;
  private readonly maxBatch: number;

  constructor(
    private readonly store: AuditStore,
    options: WriterOptions = {},
  ) {
    this.flushDelayMs = options.flushDelayMs ?? 5;
    this.maxBatch = options.maxBatch ?? 500;
  }

  record(entry: SealedEntry): Promise<void> {
    if (this.closed) return Promise.reject(new Error("the audit writer is closed"));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (this.queue.length >= this.maxBatch) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.flushDelayMs);
    });
  }

  /** Writes everything queued so far (after the batch in progress, if any). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
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
    clearTimeout(this.timer);
    this.timer = undefined;
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
