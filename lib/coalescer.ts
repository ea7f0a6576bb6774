/**
 * Coalesces concurrent requests into shared database transactions (as TigerBeetle and Blnk do):
 * requests for one key (a partner) queue up while that key's previous batch is in flight, and
 * the next batch takes them all, so a burst of N requests costs a few transactions, not N.
 * With no concurrency a request runs alone at once: batching adds no waiting time.
 */
export class Coalescer<Job, Outcome> {
  private queues = new Map<string, { job: Job; resolve: (o: Outcome) => void; reject: (e: unknown) => void }[]>();
  private running = new Set<string>();

  constructor(
    private readonly runBatch: (key: string, jobs: Job[]) => Promise<Outcome[]>,
    private readonly maxBatch = 256,
  ) {}

  submit(key: string, job: Job): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      const queue = this.queues.get(key) ?? [];
      queue.push({ job, resolve, reject });
      this.queues.set(key, queue);
      if (!this.running.has(key)) {
        this.running.add(key);
        // Let the requests that arrived in this same tick join the first batch.
        setImmediate(() => void this.drain(key));
      }
    });
  }

  private async drain(key: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(key) ?? [];
      if (queue.length === 0) {
        this.queues.delete(key);
        this.running.delete(key);
        return;
      }
      const batch = queue.splice(0, this.maxBatch);
      try {
        const outcomes = await this.runBatch(key, batch.map((b) => b.job));
        batch.forEach((b, i) => b.resolve(outcomes[i]!));
      } catch (e) {
        batch.forEach((b) => b.reject(e));
      }
    }
  }
}
