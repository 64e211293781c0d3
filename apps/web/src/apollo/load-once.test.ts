import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from './load-once';

/** What read() threw: the load in progress (a promise) or a failure. */
function thrownBy(read: () => unknown): unknown {
  try {
    read();
  } catch (thrown) {
    return thrown;
  }
  throw new Error('read() did not throw');
}

describe('loadOnce', () => {
  it('suspends while loading, then gives what came, loading it once', async () => {
    const load = vi.fn(() => Promise.resolve('page'));
    const code = loadOnce(load);
    expect(code.settled()).toBe(false);
    const waiting = thrownBy(code.read);
    expect(waiting).toBeInstanceOf(Promise);
    await waiting;
    expect(code.read()).toBe('page');
    expect(code.settled()).toBe(true);
    await code.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('throws a failed load once, then loads again (back online)', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('page');
    const code = loadOnce(load);
    await code.preload(); // settles either way: preload never rejects
    expect(code.settled()).toBe(true);
    expect(thrownBy(code.read)).toEqual(new Error('offline'));
    // The next read is a new load, not the same failure again.
    const retry = thrownBy(code.read);
    expect(retry).toBeInstanceOf(Promise);
    await retry;
    expect(code.read()).toBe('page');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one load between reads and preloads made meanwhile', async () => {
    let arrive: (value: string) => void = () => undefined;
    const load = vi.fn(() => new Promise<string>((resolve) => (arrive = resolve)));
    const code = loadOnce(load);
    const first = thrownBy(code.read);
    expect(thrownBy(code.read)).toBe(first);
    expect(code.preload()).toBe(first);
    arrive('page');
    await first;
    expect(code.read()).toBe('page');
    expect(load).toHaveBeenCalledTimes(1);
  });
});
