import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LogConversationInput } from '../../../gql/graphql';
import type { FieldDraft } from '../draft';

// Where conversations typed on a landing without signal wait to be sent: IndexedDB,
// which survives reloads, closed tabs and a phone that restarts. Keyed by clientId,
// the idempotency key the API dedupes on, so an entry can be sent again safely.

export interface OutboxEntry {
  clientId: string;
  /** The member who typed it: only their session sends it (a shared phone must not reattribute it). */
  userId: string;
  input: LogConversationInput;
  /** The form as it was typed, to reopen it when the API refuses the entry. */
  draft: FieldDraft;
  createdAt: string;
  attempts: number;
  /** Why the last attempt failed (not a refusal: those move to `rejected`). */
  lastError?: string;
}

/** An entry the API refused (BAD_USER_INPUT): nothing was written; the member corrects and sends it again. */
export interface RejectedEntry extends OutboxEntry {
  rejectedAt: string;
  /** The refusal, in the API's words (the form translates it when reopened). */
  field?: string;
  message: string;
}

export interface OutboxStore {
  pending(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  remove(clientId: string): Promise<void>;
  rejected(): Promise<RejectedEntry[]>;
  /** Moves an entry from the outbox to the rejected list in one step. */
  reject(entry: RejectedEntry): Promise<void>;
  removeRejected(clientId: string): Promise<void>;
}

interface OutboxDB extends DBSchema {
  outbox: { key: string; value: OutboxEntry };
  rejected: { key: string; value: RejectedEntry };
}

const byCreatedAt = <T extends { createdAt: string }>(a: T, b: T) => a.createdAt.localeCompare(b.createdAt);

export function createIdbStore(name = 'rapport-field'): OutboxStore {
  let db: Promise<IDBPDatabase<OutboxDB>> | null = null;
  const open = () =>
    (db ??= openDB<OutboxDB>(name, 1, {
      upgrade(database) {
        database.createObjectStore('outbox', { keyPath: 'clientId' });
        database.createObjectStore('rejected', { keyPath: 'clientId' });
      },
    }));
  return {
    async pending() {
      return (await (await open()).getAll('outbox')).sort(byCreatedAt);
    },
    async put(entry) {
      await (await open()).put('outbox', entry);
    },
    async remove(clientId) {
      await (await open()).delete('outbox', clientId);
    },
    async rejected() {
      return (await (await open()).getAll('rejected')).sort(byCreatedAt);
    },
    async reject(entry) {
      const tx = (await open()).transaction(['outbox', 'rejected'], 'readwrite');
      await Promise.all([tx.objectStore('rejected').put(entry), tx.objectStore('outbox').delete(entry.clientId), tx.done]);
    },
    async removeRejected(clientId) {
      await (await open()).delete('rejected', clientId);
    },
  };
}

/** Same contract in memory: for tests, and browsers without IndexedDB (the outbox then lasts one visit). */
export function createMemoryStore(): OutboxStore {
  const outbox = new Map<string, OutboxEntry>();
  const rejected = new Map<string, RejectedEntry>();
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    async pending() {
      return [...outbox.values()].map(copy).sort(byCreatedAt);
    },
    async put(entry) {
      outbox.set(entry.clientId, copy(entry));
    },
    async remove(clientId) {
      outbox.delete(clientId);
    },
    async rejected() {
      return [...rejected.values()].map(copy).sort(byCreatedAt);
    },
    async reject(entry) {
      rejected.set(entry.clientId, copy(entry));
      outbox.delete(entry.clientId);
    },
    async removeRejected(clientId) {
      rejected.delete(clientId);
    },
  };
}
