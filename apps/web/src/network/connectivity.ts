// The app's one idea of "offline", from what actually happened to its requests.
//
// Phones lie about being online (captive portals, one bar of signal that carries
// nothing), and some browsers keep `navigator.onLine` true on a page reloaded without
// network. So: a request that got no answer from Rapport means offline, until a
// request gets one. `navigator.onLine` and the `online`/`offline` events are only
// hints: going offline is believed at once, coming back is checked with a probe.
// While offline, a small probe (`/health`) runs every 2 seconds at most, so the outbox
// sends what waits within seconds of the network's return, even with no event.

export type Connectivity = 'online' | 'offline';

export interface ConnectivityOptions {
  /** Starting belief (default: online unless the browser says otherwise). */
  initial?: Connectivity;
  /** One light request: resolves true when Rapport answered. */
  probe?: () => Promise<boolean>;
  /**
   * Delays between probes while offline: the first, then doubled up to the last. Short
   * by default: the outbox sends what waits on the transition back to online, and a
   * canvasser must see it leave within a couple of seconds of the signal's return (a
   * probe without network fails at once, without waking the radio for long).
   */
  probeDelaysMs?: { first: number; max: number };
}

export interface ConnectivityStore {
  get(): Connectivity;
  subscribe(listener: () => void): () => void;
  /** A request got an answer from Rapport (data or a GraphQL error alike). */
  reportAnswered(): void;
  /** A request got no answer (network error, gateway error, not Rapport's answer). */
  reportNoAnswer(): void;
  /** A hint from the browser: check now rather than at the next probe. */
  checkNow(): Promise<void>;
  /** Stops the probes (tests). */
  dispose(): void;
}

export async function probeHealth(): Promise<boolean> {
  try {
    const response = await fetch('/health', { cache: 'no-store', headers: { Accept: 'application/json' } });
    // A captive portal answers too, with HTML: only Rapport's JSON counts (503 included:
    // the server is reachable, even if its database is not).
    return (response.headers.get('content-type') ?? '').includes('application/json');
  } catch {
    return false;
  }
}

export function createConnectivity(options: ConnectivityOptions = {}): ConnectivityStore {
  const probe = options.probe ?? probeHealth;
  const delays = options.probeDelaysMs ?? { first: 1_000, max: 2_000 };
  let state: Connectivity = options.initial ?? 'online';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextDelay = delays.first;
  let probing = false;
  const listeners = new Set<() => void>();

  const set = (next: Connectivity) => {
    if (next === 'offline') schedule();
    else stopProbes();
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };

  function stopProbes() {
    clearTimeout(timer);
    timer = undefined;
    nextDelay = delays.first;
  }

  function schedule() {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      nextDelay = Math.min(nextDelay * 2, delays.max);
      void checkNow();
    }, nextDelay);
  }

  async function checkNow() {
    if (probing) return;
    probing = true;
    try {
      const answered = await probe();
      // A failed probe never overrules a request that was answered meanwhile:
      // only requests (and the browser's `offline` event) turn the app offline.
      if (answered) set('online');
      else if (state === 'offline') schedule();
    } finally {
      probing = false;
    }
  }

  if (state === 'offline') schedule();

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reportAnswered: () => set('online'),
    reportNoAnswer: () => set('offline'),
    checkNow,
    dispose: () => {
      stopProbes();
      listeners.clear();
    },
  };
}

// --- the app's store, with the browser's hints wired in ---
const browser = typeof window !== 'undefined' && typeof navigator !== 'undefined';
export const connectivity = createConnectivity({ initial: browser && navigator.onLine === false ? 'offline' : 'online' });

if (browser) {
  window.addEventListener('offline', () => connectivity.reportNoAnswer());
  window.addEventListener('online', () => void connectivity.checkNow());
}
