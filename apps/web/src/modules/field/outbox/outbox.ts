import { useEffect, useState } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { LogConversationInput } from '../../../gql/graphql';
import { connectivity } from '../../../network/connectivity';
import { createIdbStore, createMemoryStore, type OutboxEntry, type OutboxStore, type RejectedEntry } from './store';

// The outbox: every conversation goes here first, then to the API. An entry leaves
// the outbox only when the API accepted it, or refused it (BAD_USER_INPUT: then it
// waits in `rejected` for the member to correct it). Network failures leave it in
// place for the next try: when the browser goes online, when the app loads, on a timer.
// One flush at a time (in this tab, and across tabs with the Web Locks API), and the
// API dedupes on clientId, so an entry is never recorded twice.

export type SendConversation = (input: LogConversationInput) => Promise<unknown>;

export type SendResult =
  | { status: 'sent' }
  | { status: 'rejected'; entry: RejectedEntry }
  | { status: 'waiting'; reason: 'offline' | 'error'; message?: string };

export type FlushReport = Map<string, SendResult>;

export const RETRY_INTERVAL_MS = 20_000;

let store: OutboxStore | null = null;

export function getOutboxStore(): OutboxStore {
  return (store ??= typeof indexedDB === 'undefined' ? createMemoryStore() : createIdbStore());
}

/** Tests install a memory store; pass null to go back to the default. */
export function setOutboxStore(next: OutboxStore | null): void {
  store = next;
  notifyHere();
}

// --- change notifications (this tab, and the others through a BroadcastChannel) ---
const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('rapport-outbox');
if (channel) channel.onmessage = () => notifyHere();

function notifyHere() {
  for (const listener of listeners) listener();
}

function notify() {
  notifyHere();
  channel?.postMessage('changed');
}

export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// --- the sender, configured by the signed-in shell ---
interface Engine {
  send: SendConversation;
  userId: string;
}
let engine: Engine | null = null;

export function configureOutbox(next: Engine | null): void {
  engine = next;
}

export async function enqueue(entry: OutboxEntry): Promise<void> {
  await getOutboxStore().put(entry);
  notify();
}

export async function discardRejected(clientId: string): Promise<void> {
  await getOutboxStore().removeRejected(clientId);
  notify();
}

/** The API's refusal, if it is one: BAD_USER_INPUT, naming the field. */
function refusal(error: unknown): { field?: string; message: string } | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const bad = error.errors.filter((e) => e.extensions?.['code'] === 'BAD_USER_INPUT');
  if (!bad.length) return null;
  const field = bad.map((e) => e.extensions?.['field']).find((f): f is string => typeof f === 'string');
  return { field, message: bad.map((e) => e.message).join('\n') };
}

async function flushOnce(): Promise<FlushReport> {
  const report: FlushReport = new Map();
  const current = engine;
  if (!current) return report;
  const outbox = getOutboxStore();
  const entries = (await outbox.pending()).filter((entry) => entry.userId === current.userId);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    try {
      await current.send(entry.input);
      await outbox.remove(entry.clientId);
      report.set(entry.clientId, { status: 'sent' });
    } catch (error) {
      const refused = refusal(error);
      if (refused) {
        const rejected: RejectedEntry = { ...entry, rejectedAt: new Date().toISOString(), ...refused };
        await outbox.reject(rejected);
        report.set(entry.clientId, { status: 'rejected', entry: rejected });
        continue;
      }
      const answered = CombinedGraphQLErrors.is(error);
      const message = error instanceof Error ? error.message : String(error);
      await outbox.put({ ...entry, attempts: entry.attempts + 1, lastError: message });
      report.set(entry.clientId, { status: 'waiting', reason: answered ? 'error' : 'offline', message });
      if (!answered) {
        // No answer at all: the network is down, the others would fail the same way.
        for (const rest of entries.slice(i + 1)) report.set(rest.clientId, { status: 'waiting', reason: 'offline' });
        break;
      }
    }
  }
  if (entries.length) notify();
  return report;
}

function withLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request('rapport-outbox', run) as Promise<T>) : run();
}

let tail: Promise<unknown> = Promise.resolve();
let queued: Promise<FlushReport> | null = null;

/**
 * Sends what waits. Flushes run one after the other; a caller arriving while one is
 * queued (not yet started) shares it: it will read the outbox when it starts.
 */
export function flushOutbox(): Promise<FlushReport> {
  if (queued) return queued;
  const run = tail.then(() => {
    queued = null;
    return withLock(flushOnce);
  });
  queued = run;
  tail = run.catch(() => undefined);
  return run;
}

/**
 * Puts one entry in the outbox and tries to send it at once. Answers within
 * `timeoutMs` (a landing with one bar of signal must not block the next door):
 * after that, the entry simply waits for its turn.
 */
export async function submitToOutbox(entry: OutboxEntry, timeoutMs = 8_000): Promise<SendResult> {
  await enqueue(entry);
  if (connectivity.get() === 'offline') {
    // Known to be offline: confirm at once, the entry leaves when Rapport answers again.
    void flushOutbox().catch(() => undefined);
    return { status: 'waiting', reason: 'offline' };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const report = await Promise.race([flushOutbox(), timeout]).finally(() => clearTimeout(timer));
  return report?.get(entry.clientId) ?? { status: 'waiting', reason: 'offline' };
}

/** Starts the automatic retries: now, when the network returns, when the app comes back to the foreground, and on a timer. */
export function startOutboxSync(intervalMs = RETRY_INTERVAL_MS): () => void {
  const flush = () => void flushOutbox().catch(() => undefined);
  const flushIfPending = () => {
    const current = engine;
    if (!current) return;
    void getOutboxStore()
      .pending()
      .then((entries) => entries.some((e) => e.userId === current.userId) && flush())
      .catch(() => undefined);
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') flushIfPending();
  };
  flush();
  // The network is back (a request or a probe was answered): send what waits at once.
  let wasOnline = connectivity.get() === 'online';
  const unsubscribe = connectivity.subscribe(() => {
    const online = connectivity.get() === 'online';
    if (online && !wasOnline) flushIfPending();
    wasOnline = online;
  });
  window.addEventListener('online', flush);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(flushIfPending, intervalMs);
  return () => {
    unsubscribe();
    window.removeEventListener('online', flush);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}

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
