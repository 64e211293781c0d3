/**
 * Gathers the calls made while the previous batch is in flight into one batch, like a
 * database's group commit: alone, a call runs at once (no added wait); under load, the
 * jobs in hand share one statement instead of one round trip each. `run` answers one
 * result per item, in order. If a batch of several fails, each item is run alone, so an
 * error reaches only the call it belongs to, as if there were no batching.
 */
export class Batcher<I, O> {
  private waiting: Array<{ item: I; resolve: (value: O) => void; reject: (error: unknown) => void }> = [];
  private running = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxSize = 50,
  ) {}

  call(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) void this.flush();
    });
  }

  private async flush() {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxSize);
        try {
          const results = await this.run(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i]));
        } catch (error) {
          if (batch.length === 1) batch[0].reject(error);
          else await Promise.all(batch.map((b) => this.run([b.item]).then(([result]) => b.resolve(result), b.reject)));
        }
      }
    } finally {
      this.running = false;
    }
  }
}
