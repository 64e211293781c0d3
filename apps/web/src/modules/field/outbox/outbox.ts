import { useEffect, useState } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { DuesPaymentInput, LogConversationInput } from '../../../gql/graphql';
import { connectivity as appConnectivity, type ConnectivityStore } from '../../../network/connectivity';
import { createIdbStore, createMemoryStore, type AttendanceInput, type DoorsInput, type OutboxEntry, type OutboxStore, type RejectedEntry } from './store';

// The outbox: every conversation logged at a door, every dues payment recorded at a
// stall and every person tapped present at a session goes here first, then to the API. An entry leaves the outbox only when the
// API accepted it, or refused it for good (BAD_USER_INPUT, NOT_FOUND, FORBIDDEN: then
// it waits in `rejected` for the member to correct or discard it). Network trouble and
// passing server errors leave it in place for the next try, with a growing delay
// between automatic tries (exponential backoff, capped); the network's return sends
// what waits at once. One flush at a time (in this tab, and across tabs with the Web
// Locks API), and the API dedupes on clientId, so an entry is never recorded twice.
//
// `createOutbox` builds an independent outbox (its own store, listeners, queue): the
// app uses one (`the module functions below`), each unit test builds its own.

/** One sender per kind of entry; each resolves with the API's answer. */
export interface Senders {
  conversation: (input: LogConversationInput) => Promise<unknown>;
  dues: (input: DuesPaymentInput) => Promise<unknown>;
  /** Optional: an outbox without it keeps attendance entries waiting. */
  attendance?: (input: AttendanceInput) => Promise<unknown>;
  /** Optional: an outbox without it keeps door batches waiting. */
  doors?: (input: DoorsInput) => Promise<unknown>;
}

export interface Engine {
  send: Senders;
  userId: string;
}

export type SendResult =
  | { status: 'sent'; answer?: unknown }
  | { status: 'rejected'; entry: RejectedEntry }
  /** offline: no answer; error: a passing error; slow: no answer yet (it goes on in the background). */
  | { status: 'waiting'; reason: 'offline' | 'error' | 'slow'; message?: string };

export type FlushReport = Map<string, SendResult>;

/**
 * Why a flush runs. `auto` (load, timer, a new entry) respects each entry's backoff;
 * `reconnect` (the network is back) retries at once what failed for want of network;
 * `manual` ("send now") retries everything.
 */
export type FlushMode = 'auto' | 'reconnect' | 'manual';
const RANK: Record<FlushMode, number> = { auto: 0, reconnect: 1, manual: 2 };

/** How often the automatic sync looks for entries whose backoff is over. */
export const RETRY_CHECK_MS = 5_000;
export const RETRY_BASE_MS = 5_000;
export const RETRY_MAX_MS = 5 * 60_000;
/** How long a submission waits for the API before confirming "kept on this phone" (a refusal is then shown at once). */
export const ANSWER_WINDOW_MS = 1_500;
/** A send that got no answer after this long counts as lost (the next try resends it; the API dedupes). */
export const SEND_TIMEOUT_MS = 30_000;

/** The API codes that will never be accepted as sent: the entry goes to the "to correct" list. */
const FINAL_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN'];

/** Delay before the next automatic try after `attempts` failures: 5 s, 10 s, 20 s… up to 5 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);
}

/** Whether a flush of this mode tries the entry now. */
export function isDue(entry: OutboxEntry, now: number, mode: FlushMode): boolean {
  if (!entry.nextAttemptAt || mode === 'manual') return true;
  if (mode === 'reconnect' && entry.lastFailure !== 'error') return true;
  return Date.parse(entry.nextAttemptAt) <= now;
}

/** The API's final refusal, if it is one: BAD_USER_INPUT (naming the field), NOT_FOUND or FORBIDDEN. */
export function finalRefusal(error: unknown): { code: string; field?: string; message: string } | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const code of FINAL_CODES) {
    const matching = error.errors.filter((e) => e.extensions?.['code'] === code);
    if (!matching.length) continue;
    const field = matching.map((e) => e.extensions?.['field']).find((f): f is string => typeof f === 'string');
    return { code, field, message: matching.map((e) => e.message).join('\n') };
  }
  return null;
}

class NoAnswer extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoAnswer';
  }
}

export interface OutboxOptions {
  /** Default: IndexedDB (memory when the browser has none), opened on first use. */
  store?: OutboxStore;
  connectivity?: Pick<ConnectivityStore, 'get' | 'subscribe'>;
  /** BroadcastChannel name to tell other tabs (null: none). */
  channelName?: string | null;
  /** Web Locks name for one flush across tabs (null: this outbox only). */
  lockName?: string | null;
  sendTimeoutMs?: number;
  now?: () => number;
}

export interface Outbox {
  store(): OutboxStore;
  configure(engine: Engine | null): void;
  subscribe(listener: () => void): () => void;
  enqueue(entry: OutboxEntry): Promise<void>;
  discardRejected(clientId: string): Promise<void>;
  flush(mode?: FlushMode): Promise<FlushReport>;
  submit(entry: OutboxEntry, windowMs?: number): Promise<SendResult>;
  startSync(checkEveryMs?: number): () => void;
  dispose(): void;
}

export function createOutbox(options: OutboxOptions = {}): Outbox {
  const connectivity = options.connectivity ?? appConnectivity;
  const sendTimeoutMs = options.sendTimeoutMs ?? SEND_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  let store = options.store ?? null;
  const getStore = () => (store ??= typeof indexedDB === 'undefined' ? createMemoryStore() : createIdbStore());
  let engine: Engine | null = null;

  // --- change notifications (this outbox, and the other tabs through a BroadcastChannel) ---
  const listeners = new Set<() => void>();
  const channel = options.channelName && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(options.channelName) : null;
  const notifyHere = () => {
    for (const listener of [...listeners]) listener();
  };
  if (channel) channel.onmessage = () => notifyHere();
  const notify = () => {
    notifyHere();
    channel?.postMessage('changed');
  };

  async function enqueue(entry: OutboxEntry) {
    await getStore().put(entry);
    notify();
  }

  /**
   * One send, bounded: a connection that hangs (one bar of signal) or a network that
   * drops meanwhile must not hold the outbox. The request may still arrive later: the
   * next try resends it with the same clientId and the API returns the same record.
   */
  function sendOne(current: Engine, entry: OutboxEntry): Promise<unknown> {
    // Without a sender for its kind this throws (caught by the flush): the entry waits, like without network.
    const sending = (current.send[entry.kind] as (input: OutboxEntry['input']) => Promise<unknown>)(entry.input);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe = () => {};
    const givenUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new NoAnswer(`no answer after ${sendTimeoutMs} ms`)), sendTimeoutMs);
      unsubscribe = connectivity.subscribe(() => {
        if (connectivity.get() === 'offline') reject(new NoAnswer('offline'));
      });
    });
    return Promise.race([sending, givenUp]).finally(() => {
      clearTimeout(timer);
      unsubscribe();
    });
  }

  async function flushOnce(mode: FlushMode): Promise<FlushReport> {
    const report: FlushReport = new Map();
    const current = engine;
    if (!current) return report;
    const outbox = getStore();
    const mine = (await outbox.pending()).filter((entry) => entry.userId === current.userId);
    const startedAt = now();
    const entries = mine.filter((entry) => isDue(entry, startedAt, mode));
    for (const entry of mine) {
      if (!entries.includes(entry)) report.set(entry.clientId, { status: 'waiting', reason: entry.lastFailure ?? 'error', message: entry.lastError });
    }
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      try {
        const answer = await sendOne(current, entry);
        await outbox.remove(entry.clientId);
        report.set(entry.clientId, { status: 'sent', answer });
        // Each entry that leaves shows at once (five doors on a slow network count down one by one).
        notify();
      } catch (error) {
        const refused = finalRefusal(error);
        if (refused) {
          const rejected = { ...entry, rejectedAt: new Date(now()).toISOString(), ...refused } as RejectedEntry;
          // A refused tap (the person erased meanwhile) or door batch (a door made do-not-knock
          // meanwhile) has no form to correct: it is dropped, the page shows the API's state.
          await (entry.kind === 'attendance' || entry.kind === 'doors' ? outbox.remove(entry.clientId) : outbox.reject(rejected));
          report.set(entry.clientId, { status: 'rejected', entry: rejected });
          notify();
          continue;
        }
        const answered = CombinedGraphQLErrors.is(error);
        const reason = answered ? 'error' : 'offline';
        const message = error instanceof Error ? error.message : String(error);
        const attempts = entry.attempts + 1;
        await outbox.put({
          ...entry,
          attempts,
          lastError: message,
          lastFailure: reason,
          nextAttemptAt: new Date(now() + retryDelayMs(attempts)).toISOString(),
        });
        report.set(entry.clientId, { status: 'waiting', reason, message });
        notify();
        if (!answered) {
          // No answer at all: the network is down, the others would fail the same way.
          for (const rest of entries.slice(i + 1)) report.set(rest.clientId, { status: 'waiting', reason: 'offline' });
          break;
        }
      }
    }
    return report;
  }

  function withLock<T>(run: () => Promise<T>): Promise<T> {
    const locks = options.lockName && typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? (locks.request(options.lockName!, run) as Promise<T>) : run();
  }

  let tail: Promise<unknown> = Promise.resolve();
  let queued: Promise<FlushReport> | null = null;
  let queuedMode: FlushMode = 'auto';
  let running = 0;

  /**
   * Sends what waits. Flushes run one after the other; a caller arriving while one is
   * queued (not yet started) shares it: it will read the outbox when it starts, in the
   * most eager of the modes asked.
   */
  function flush(mode: FlushMode = 'auto'): Promise<FlushReport> {
    if (RANK[mode] > RANK[queuedMode]) queuedMode = mode;
    if (queued) return queued;
    running++;
    const run = tail.then(() => {
      queued = null;
      const runMode = queuedMode;
      queuedMode = 'auto';
      return withLock(() => flushOnce(runMode));
    });
    queued = run;
    tail = run.catch(() => undefined).finally(() => running--);
    return run;
  }

  /**
   * Puts one entry in the outbox and confirms it without blocking the next door: when
   * the outbox is idle and the network up, it waits up to `windowMs` for the API (so a
   * refusal can be shown next to the field, the form still full); otherwise, or after
   * that, the entry is confirmed as kept on the phone and leaves in the background.
   */
  async function submit(entry: OutboxEntry, windowMs = ANSWER_WINDOW_MS): Promise<SendResult> {
    const busy = running > 0;
    await enqueue(entry);
    const flushing = flush();
    flushing.catch(() => undefined);
    if (connectivity.get() === 'offline') return { status: 'waiting', reason: 'offline' };
    // Other entries are being sent first (a slow network): no point waiting in line.
    if (busy) return { status: 'waiting', reason: 'slow' };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const window = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), windowMs);
    });
    const report = await Promise.race([flushing.catch(() => null), window]).finally(() => clearTimeout(timer));
    return report?.get(entry.clientId) ?? { status: 'waiting', reason: 'slow' };
  }

  /** Starts the automatic sends: now, when the network returns, back in the foreground, and when a backoff is over. */
  function startSync(checkEveryMs = RETRY_CHECK_MS): () => void {
    const flushQuietly = (mode: FlushMode) => void flush(mode).catch(() => undefined);
    const flushIfDue = (mode: FlushMode) => {
      const current = engine;
      if (!current || connectivity.get() === 'offline') return;
      void getStore()
        .pending()
        .then((entries) => entries.some((e) => e.userId === current.userId && isDue(e, now(), mode)) && flushQuietly(mode))
        .catch(() => undefined);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') flushIfDue('auto');
    };
    const onOnline = () => flushQuietly('reconnect');
    flushQuietly('auto');
    // The network is back (a request or a probe was answered): send what waits at once.
    let wasOnline = connectivity.get() === 'online';
    const unsubscribe = connectivity.subscribe(() => {
      const online = connectivity.get() === 'online';
      if (online && !wasOnline) flushIfDue('reconnect');
      wasOnline = online;
    });
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    const timer = setInterval(() => flushIfDue('auto'), checkEveryMs);
    return () => {
      unsubscribe();
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
    };
  }

  return {
    store: getStore,
    configure: (next) => {
      engine = next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    enqueue,
    async discardRejected(clientId) {
      await getStore().removeRejected(clientId);
      notify();
    },
    flush,
    submit,
    startSync,
    dispose() {
      engine = null;
      listeners.clear();
      channel?.close();
    },
  };
}

// --- the app's outbox ---
const appOptions: OutboxOptions = { channelName: 'rapport-outbox', lockName: 'rapport-outbox' };
let app = createOutbox(appOptions);

/** Tests: a fresh app outbox (empty store, no sender, no listeners), optionally on the given store. */
export function resetOutbox(store?: OutboxStore): void {
  app.dispose();
  app = createOutbox({ ...appOptions, store });
}

export const getOutboxStore = (): OutboxStore => app.store();
export const configureOutbox = (engine: Engine | null): void => app.configure(engine);
export const subscribeOutbox = (listener: () => void): (() => void) => app.subscribe(listener);
export const enqueue = (entry: OutboxEntry): Promise<void> => app.enqueue(entry);
export const discardRejected = (clientId: string): Promise<void> => app.discardRejected(clientId);
export const flushOutbox = (mode?: FlushMode): Promise<FlushReport> => app.flush(mode);
export const submitToOutbox = (entry: OutboxEntry, windowMs?: number): Promise<SendResult> => app.submit(entry, windowMs);
export const startOutboxSync = (checkEveryMs?: number): (() => void) => app.startSync(checkEveryMs);

export interface OutboxState {
  pending: OutboxEntry[];
  rejected: RejectedEntry[];
  loaded: boolean;
}

/** The member's waiting and refused entries, kept up to date. */
export function useOutbox(userId: string | undefined): OutboxState {
  const [state, setState] = useState<OutboxState>({ pending: [], rejected: [], loaded: false });
  useEffect(() => {
    if (!userId) return undefined;
    let alive = true;
    const load = () => {
      const outbox = getOutboxStore();
      Promise.all([outbox.pending(), outbox.rejected()])
        .then(([pending, rejected]) => {
          if (!alive) return;
          const mine = <T extends OutboxEntry>(e: T) => e.userId === userId;
          setState({ pending: pending.filter(mine), rejected: rejected.filter(mine), loaded: true });
        })
        .catch(() => undefined);
    };
    load();
    const unsubscribe = subscribeOutbox(load);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [userId]);
  return state;
}
