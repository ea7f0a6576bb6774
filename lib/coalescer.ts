/**
 * Coalesces concurrent requests into shared database transactions (as TigerBeetle and Blnk do):
 * requests for one key (a partner) queue up while that key's previous batch is in flight, and
 * the next batch takes them all, so a burst of N requests costs a few transactions, not N.
 * With no concurrency a request runs alone at once: batching adds no waiting time.
 */
export class Coalescer<Job, Outcome> {
  private queues = new Map<string, { job: Job; resolve: (o: Outcome) => void; reject: (e: unknown) => void }[]>();
  private running = new Map<string, number>();

  /**
   * `maxInFlight` batches of one key may run at once (the next one forms while the previous
   * commits); `runBatch` must then lock in a global order, as the payment engine does.
   */
  constructor(
    private readonly runBatch: (key: string, jobs: Job[]) => Promise<Outcome[]>,
    private readonly options: { maxBatch?: number; maxInFlight?: number } = {},
  ) {}

  submit(key: string, job: Job): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      const queue = this.queues.get(key) ?? [];
      queue.push({ job, resolve, reject });
      this.queues.set(key, queue);
      const running = this.running.get(key) ?? 0;
      if (running < (this.options.maxInFlight ?? 1)) {
        this.running.set(key, running + 1);
        // Let the requests that arrived in this same tick join the batch.
        setImmediate(() => void this.drain(key));
      }
    });
  }

  private async drain(key: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(key) ?? [];
      if (queue.length === 0) {
        const left = (this.running.get(key) ?? 1) - 1;
        if (left > 0) this.running.set(key, left);
        else {
          this.running.delete(key);
          this.queues.delete(key);
        }
        return;
      }
      const batch = queue.splice(0, this.options.maxBatch ?? 256);
      try {
        const outcomes = await this.runBatch(key, batch.map((b) => b.job));
        batch.forEach((b, i) => b.resolve(outcomes[i]!));
      } catch (e) {
        batch.forEach((b) => b.reject(e));
      }
    }
  }
}
