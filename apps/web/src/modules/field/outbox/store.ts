import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DuesPaymentInput, LogConversationInput } from '../../../gql/graphql';
import type { FieldDraft } from '../draft';

// Where what was typed on a landing or at a stall without signal waits to be sent:
// IndexedDB, which survives reloads, closed tabs and a phone that restarts. Keyed by
// clientId, the idempotency key the API dedupes on, so an entry can be sent again safely.
//
// Four kinds of entries share the outbox (a discriminated union on `kind`): door-to-door
// conversations, dues payments, attendance at a session and batches of doors not home. Entries stored before dues existed have no `kind`:
// they are conversations (`normalize` below), so no IndexedDB upgrade is needed.

interface EntryBase {
  clientId: string;
  /** The member who typed it: only their session sends it (a shared phone must not reattribute it). */
  userId: string;
  createdAt: string;
  /** Failed attempts so far (network or server trouble; refusals leave the outbox). */
  attempts: number;
  /** Why the last attempt failed (not a refusal: those move to `rejected`). */
  lastError?: string;
  /** `offline`: no answer from Rapport; `error`: Rapport answered with a passing error (retried with backoff). */
  lastFailure?: 'offline' | 'error';
  /** Not retried automatically before this time (exponential backoff, see outbox.ts). */
  nextAttemptAt?: string;
}

/** A conversation logged with the field form. */
export interface ConversationEntry extends EntryBase {
  kind: 'conversation';
  input: LogConversationInput;
  /** The form as it was typed, to reopen it when the API refuses the entry. */
  draft: FieldDraft;
}

/** A dues payment recorded at a stall, a drop-in or the door. */
export interface DuesEntry extends EntryBase {
  kind: 'dues';
  input: DuesPaymentInput;
  /** How the lists name it without the network: the payer and who else it pays for. */
  payerName: string;
  paysForNames: string[];
  currency: string;
}

/** The variables of recordAttendance (idempotent: sending it again adds nobody twice). */
export interface AttendanceInput {
  sessionId: string;
  contactIds: string[];
}

/** People tapped present at a permanence or a workshop (the session's page). */
export interface AttendanceEntry extends EntryBase {
  kind: 'attendance';
  input: AttendanceInput;
  /** How the session's page names them without the network. */
  names: string[];
  sessionTitle: string;
}

/** The variables of logDoorsVisit: NOT_HOME or REFUSED at many doors, one clientId for the batch. */
export interface DoorsInput {
  clientId: string;
  doorIds: string[];
  outcome: 'NOT_HOME' | 'REFUSED';
}

/** Doors recorded "not home" or "refused" at once from the turf grid (the API writes the batch once). */
export interface DoorsEntry extends EntryBase {
  kind: 'doors';
  input: DoorsInput;
  campaignId: string;
}

export type OutboxEntry = ConversationEntry | DuesEntry | AttendanceEntry | DoorsEntry;
export type OutboxEntryKind = OutboxEntry['kind'];

interface Refusal {
  rejectedAt: string;
  /** The API's code: BAD_USER_INPUT (to correct), NOT_FOUND or FORBIDDEN (will never be accepted as is). */
  code?: string;
  /** The refusal, in the API's words (the form translates it when reopened). */
  field?: string;
  message: string;
}

/** An entry the API refused: nothing was written; the member corrects and sends it again, or discards it. */
export type RejectedEntry = (ConversationEntry | DuesEntry) & Refusal;
export type RejectedConversation = ConversationEntry & Refusal;
export type RejectedDues = DuesEntry & Refusal;

export interface OutboxStore {
  pending(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  remove(clientId: string): Promise<void>;
  rejected(): Promise<RejectedEntry[]>;
  /** Moves an entry from the outbox to the rejected list in one step. */
  reject(entry: RejectedEntry): Promise<void>;
  removeRejected(clientId: string): Promise<void>;
}

/** Entries written before the outbox carried dues have no kind: they are conversations. */
type Stored<T> = T | (Omit<ConversationEntry, 'kind'> & { kind?: undefined } & Partial<Refusal>);
export function normalize<T extends OutboxEntry>(entry: Stored<T>): T {
  return (entry.kind ? entry : { ...entry, kind: 'conversation' }) as T;
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
      return (await (await open()).getAll('outbox')).map(normalize).sort(byCreatedAt);
    },
    async put(entry) {
      await (await open()).put('outbox', entry);
    },
    async remove(clientId) {
      await (await open()).delete('outbox', clientId);
    },
    async rejected() {
      return (await (await open()).getAll('rejected')).map((e) => normalize<RejectedEntry>(e)).sort(byCreatedAt);
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
      return [...outbox.values()].map(copy).map(normalize).sort(byCreatedAt);
    },
    async put(entry) {
      outbox.set(entry.clientId, copy(entry));
    },
    async remove(clientId) {
      outbox.delete(clientId);
    },
    async rejected() {
      return [...rejected.values()]
        .map(copy)
        .map((e) => normalize<RejectedEntry>(e))
        .sort(byCreatedAt);
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
