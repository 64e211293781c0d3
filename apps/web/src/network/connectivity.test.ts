import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectivity, type ConnectivityStore } from './connectivity';

describe('connectivity: the app is offline when Rapport did not answer, until it answers again', () => {
  let store: ConnectivityStore | undefined;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    store?.dispose();
    vi.useRealTimers();
  });

  it('starts as told, goes offline on an unanswered request and online on an answered one, notifying once per change', () => {
    store = createConnectivity({ initial: 'online', probe: async () => false });
    const changes: string[] = [];
    store.subscribe(() => changes.push(store!.get()));
    expect(store.get()).toBe('online');
    store.reportAnswered();
    expect(changes).toEqual([]);
    store.reportNoAnswer();
    store.reportNoAnswer();
    expect(store.get()).toBe('offline');
    store.reportAnswered();
    expect(store.get()).toBe('online');
    expect(changes).toEqual(['offline', 'online']);
  });

  it('while offline, probes on a growing delay and comes back online as soon as a probe is answered', async () => {
    const answers = [false, false, true];
    const probe = vi.fn(async () => answers.shift() ?? true);
    store = createConnectivity({ initial: 'online', probe, probeDelaysMs: { first: 1_000, max: 3_000 } });
    store.reportNoAnswer();
    expect(probe).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(store.get()).toBe('offline');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(probe).toHaveBeenCalledTimes(1); // the delay doubled
    await vi.advanceTimersByTimeAsync(1);
    expect(probe).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3_000); // capped at max
    expect(probe).toHaveBeenCalledTimes(3);
    expect(store.get()).toBe('online');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(probe).toHaveBeenCalledTimes(3); // no probes while online
  });

  it('an initial offline belief (the browser says so) is checked by probes, not trusted forever', async () => {
    store = createConnectivity({ initial: 'offline', probe: async () => true, probeDelaysMs: { first: 500, max: 500 } });
    expect(store.get()).toBe('offline');
    await vi.advanceTimersByTimeAsync(500);
    expect(store.get()).toBe('online');
  });

  it('a browser hint to check now probes at once; a failed probe never overrules an answered request', async () => {
    let release: (answered: boolean) => void = () => undefined;
    const probe = vi.fn(() => new Promise<boolean>((resolve) => (release = resolve)));
    store = createConnectivity({ initial: 'offline', probe, probeDelaysMs: { first: 10_000, max: 10_000 } });
    const checking = store.checkNow();
    expect(probe).toHaveBeenCalledTimes(1);
    store.reportAnswered(); // the outbox's request got through meanwhile
    release(false);
    await checking;
    expect(store.get()).toBe('online');
  });

  it('after coming back online, a new outage starts probing from the first delay again', async () => {
    const probe = vi.fn(async () => false);
    store = createConnectivity({ initial: 'online', probe, probeDelaysMs: { first: 1_000, max: 8_000 } });
    store.reportNoAnswer();
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000);
    expect(probe).toHaveBeenCalledTimes(3);
    store.reportAnswered();
    store.reportNoAnswer();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(probe).toHaveBeenCalledTimes(4);
  });

  it('by default, probes at least every 2 s while offline, however long it lasts (the outbox leaves within seconds of the signal)', async () => {
    let answered = false;
    const probe = vi.fn(async () => answered);
    store = createConnectivity({ initial: 'offline', probe });
    // Ten minutes without signal…
    await vi.advanceTimersByTimeAsync(600_000);
    expect(probe.mock.calls.length).toBeGreaterThanOrEqual(299);
    // …then the network returns: back online within 2 s.
    answered = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(store.get()).toBe('online');
  });
});
