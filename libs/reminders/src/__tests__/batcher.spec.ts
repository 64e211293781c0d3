import { Batcher } from '../worker/batcher.js';

describe('Batcher', () => {
  it('runs a lone call at once, and gathers the calls made meanwhile into the next batch', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher(async (items: number[]) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 10));
      return items.map((i) => i * 2);
    });
    const first = batcher.call(1);
    const others = [2, 3, 4].map((i) => batcher.call(i));
    expect(await Promise.all([first, ...others])).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('gives an error only to the call it belongs to: a failed batch is run again item by item', async () => {
    const batcher = new Batcher(async (items: number[]) => {
      await new Promise((r) => setTimeout(r, 1));
      if (items.includes(3)) throw new Error('bad item 3');
      return items.map((i) => i + 100);
    });
    const first = batcher.call(0);
    const results = await Promise.allSettled([first, ...[1, 2, 3, 4].map((i) => batcher.call(i))]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([100, 101, 102, 'bad item 3', 104]);
  });

  it('keeps batches within maxSize', async () => {
    const sizes: number[] = [];
    const batcher = new Batcher(async (items: number[]) => {
      sizes.push(items.length);
      await new Promise((r) => setTimeout(r, 1));
      return items;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5, 6].map((i) => batcher.call(i)));
    expect(sizes).toEqual([1, 2, 2, 1]);
  });
});
