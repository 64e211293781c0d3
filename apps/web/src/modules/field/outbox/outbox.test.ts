import { afterEach, describe, expect, it, vi } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ConversationKind, ConversationOutcome, PaymentMethod } from '@rapport/shared';
import { createConnectivity, type ConnectivityStore } from '../../../network/connectivity';
import { emptyDraft } from '../draft';
import { createOutbox, isDue, retryDelayMs, RETRY_MAX_MS, type Outbox, type OutboxOptions, type Senders } from './outbox';
import { createMemoryStore, type AttendanceEntry, type ConversationEntry, type DoorsEntry, type DuesEntry, type OutboxEntry } from './store';

// Each test builds its own outbox (store, queue, listeners) and its own connectivity:
// nothing is shared between tests, whatever order they run in.

function entry(clientId: string, userId = 'u1', createdAt = new Date().toISOString()): ConversationEntry {
  return {
    kind: 'conversation',
    clientId,
    userId,
    input: { clientId, kind: ConversationKind.DOOR_KNOCK, outcome: ConversationOutcome.NOT_HOME },
    draft: emptyDraft(),
    createdAt,
    attempts: 0,
  };
}

function dues(clientId: string, amountCents = 1200, createdAt = new Date().toISOString()): DuesEntry {
  return {
    kind: 'dues',
    clientId,
    userId: 'u1',
    input: { clientId, payerId: 'contact-1', amountCents, method: PaymentMethod.CASH, paysFor: [] },
    payerName: 'Fatou Diallo',
    paysForNames: [],
    currency: 'EUR',
    createdAt,
    attempts: 0,
  };
}

function attendance(contactId: string, sessionId = 'series-1_2026-03-03'): AttendanceEntry {
  return {
    kind: 'attendance',
    clientId: `attendance:${sessionId}:${contactId}`,
    userId: 'u1',
    input: { sessionId, contactIds: [contactId] },
    names: [contactId.toUpperCase()],
    sessionTitle: 'Permanence du mardi',
    createdAt: new Date().toISOString(),
    attempts: 0,
  };
}

function doors(clientId: string, doorIds: string[]): DoorsEntry {
  return {
    kind: 'doors',
    clientId,
    userId: 'u1',
    campaignId: 'c1',
    input: { clientId, doorIds, outcome: 'NOT_HOME' },
    createdAt: new Date().toISOString(),
    attempts: 0,
  };
}

const graphqlError = (code: string, message: string, field?: string) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });
const refusal = () => graphqlError('BAD_USER_INPUT', 'input.door: must be at most 40 characters (got 41)', 'input.door');
const offline = () => new TypeError('Failed to fetch');

const disposers: Array<() => void> = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
  vi.useRealTimers();
});

interface Harness {
  outbox: Outbox;
  connectivity: ConnectivityStore;
  clock: { now: number };
}

/** A fresh outbox on a memory store, a connectivity of its own (no real probe) and a clock the test moves. */
function setup(send: Partial<Senders> = {}, options: OutboxOptions = {}): Harness {
  const connectivity = createConnectivity({ initial: 'online', probe: async () => false, probeDelaysMs: { first: 60_000, max: 60_000 } });
  const clock = { now: Date.parse('2026-03-01T10:00:00Z') };
  const outbox = createOutbox({ store: createMemoryStore(), connectivity, now: () => clock.now, ...options });
  outbox.configure({
    userId: 'u1',
    send: {
      conversation: send.conversation ?? (async () => ({})),
      dues: send.dues ?? (async () => ({ id: 'p1', receiptNumber: '2026-0001' })),
      ...(send.attendance ? { attendance: send.attendance } : {}),
      ...(send.doors ? { doors: send.doors } : {}),
    },
  });
  disposers.push(
    () => outbox.dispose(),
    () => connectivity.dispose(),
  );
  return { outbox, connectivity, clock };
}

const pendingIds = async (outbox: Outbox) => (await outbox.store().pending()).map((e) => e.clientId);

describe('the outbox', () => {
  it('sends entries oldest first and removes each only once the API accepted it', async () => {
    const order: string[] = [];
    const { outbox } = setup({ conversation: async (input) => void order.push(input.clientId!) });
    await outbox.enqueue(entry('b', 'u1', '2026-01-01T10:00:01Z'));
    await outbox.enqueue(entry('a', 'u1', '2026-01-01T10:00:00Z'));

    const report = await outbox.flush();

    expect(order).toEqual(['a', 'b']);
    expect(report.get('a')).toMatchObject({ status: 'sent' });
    expect(await outbox.store().pending()).toEqual([]);
  });

  it('tells its listeners as each entry leaves, so the count goes down one by one', async () => {
    const { outbox } = setup();
    await outbox.enqueue(entry('a', 'u1', '2026-01-01T10:00:00Z'));
    await outbox.enqueue(entry('b', 'u1', '2026-01-01T10:00:01Z'));
    const seen: Array<Promise<number>> = [];
    outbox.subscribe(() =>
      seen.push(
        outbox
          .store()
          .pending()
          .then((p) => p.length),
      ),
    );

    await outbox.flush();

    expect(await Promise.all(seen)).toEqual([1, 0]);
  });

  it('keeps everything when the network is down, stops at the first failure, and backs the failed entry off', async () => {
    const send = vi.fn().mockRejectedValue(offline());
    const { outbox, clock } = setup({ conversation: send });
    await outbox.enqueue(entry('a', 'u1', '2026-01-01T10:00:00Z'));
    await outbox.enqueue(entry('b', 'u1', '2026-01-01T10:00:01Z'));

    const report = await outbox.flush();

    expect(send).toHaveBeenCalledTimes(1);
    expect(report.get('a')).toMatchObject({ status: 'waiting', reason: 'offline' });
    expect(report.get('b')).toMatchObject({ status: 'waiting', reason: 'offline' });
    const pending = await outbox.store().pending();
    expect(pending.map((e) => [e.clientId, e.attempts, e.lastFailure, e.nextAttemptAt])).toEqual([
      ['a', 1, 'offline', new Date(clock.now + 5_000).toISOString()],
      ['b', 0, undefined, undefined],
    ]);
  });

  it('moves a BAD_USER_INPUT refusal to the rejected list (shown to the member) and goes on with the others', async () => {
    const send = vi.fn().mockRejectedValueOnce(refusal()).mockResolvedValue({});
    const { outbox } = setup({ conversation: send });
    await outbox.enqueue(entry('a', 'u1', '2026-01-01T10:00:00Z'));
    await outbox.enqueue(entry('b', 'u1', '2026-01-01T10:00:01Z'));

    await outbox.flush();

    expect(await outbox.store().pending()).toEqual([]);
    const rejected = await outbox.store().rejected();
    expect(rejected.map((e) => [e.clientId, e.code, e.field])).toEqual([['a', 'BAD_USER_INPUT', 'input.door']]);
    expect(rejected[0]!.message).toContain('must be at most 40 characters');
  });

  it.each([
    ['NOT_FOUND', 'Campaign 9 not found'],
    ['FORBIDDEN', 'Your role may not use logConversation'],
  ])('treats %s as final: the entry leaves the outbox for the "to correct" list instead of retrying forever', async (code, message) => {
    const send = vi.fn().mockRejectedValue(graphqlError(code, message));
    const { outbox } = setup({ conversation: send });
    await outbox.enqueue(entry('a'));

    const report = await outbox.flush();
    await outbox.flush('manual');

    expect(send).toHaveBeenCalledTimes(1);
    expect(report.get('a')).toMatchObject({ status: 'rejected', entry: { code, message } });
    expect(await outbox.store().pending()).toEqual([]);
    expect((await outbox.store().rejected()).map((e) => [e.clientId, e.code])).toEqual([['a', code]]);
  });

  it('keeps an entry the API answered with another error, and retries it only once its backoff is over', async () => {
    const error = graphqlError('INTERNAL_SERVER_ERROR', 'Internal server error');
    const send = vi.fn().mockRejectedValue(error);
    const { outbox, clock } = setup({ conversation: send });
    await outbox.enqueue(entry('a'));

    expect((await outbox.flush()).get('a')).toMatchObject({ status: 'waiting', reason: 'error' });
    expect(await outbox.store().rejected()).toEqual([]);

    // Within the 5 s backoff: neither the timer nor the network's return retries it.
    clock.now += 4_000;
    await outbox.flush();
    await outbox.flush('reconnect');
    expect(send).toHaveBeenCalledTimes(1);

    clock.now += 1_000;
    await outbox.flush();
    expect(send).toHaveBeenCalledTimes(2);
    const [waiting] = await outbox.store().pending();
    expect(waiting).toMatchObject({ attempts: 2, lastFailure: 'error', nextAttemptAt: new Date(clock.now + 10_000).toISOString() });

    // "Send now" retries whatever the backoff.
    await outbox.flush('manual');
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('retries an entry that failed for want of network as soon as the network returns, whatever its backoff', async () => {
    const send = vi.fn().mockRejectedValueOnce(offline()).mockResolvedValue({});
    const { outbox } = setup({ conversation: send });
    await outbox.enqueue(entry('a'));
    await outbox.flush();

    await outbox.flush();
    expect(send).toHaveBeenCalledTimes(1);
    await outbox.flush('reconnect');

    expect(send).toHaveBeenCalledTimes(2);
    expect(await outbox.store().pending()).toEqual([]);
  });

  it('backs off exponentially between tries, capped at five minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 30].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    expect(RETRY_MAX_MS).toBe(300_000);
    const waited = { ...entry('a'), attempts: 1, lastFailure: 'error' as const, nextAttemptAt: '2026-03-01T10:00:05Z' };
    expect(isDue(waited, Date.parse('2026-03-01T10:00:04Z'), 'auto')).toBe(false);
    expect(isDue(waited, Date.parse('2026-03-01T10:00:05Z'), 'auto')).toBe(true);
    expect(isDue(entry('fresh'), 0, 'auto')).toBe(true);
  });

  it('never sends an entry twice when flushes overlap (online event, timer and a new submission at once)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const { outbox } = setup({
      conversation: async (input) => {
        sent.push(input.clientId!);
        await gate;
      },
    });
    await outbox.enqueue(entry('a'));

    const first = outbox.flush();
    const second = outbox.flush('reconnect');
    const submitted = outbox.submit(entry('b'));
    const third = outbox.flush('manual');
    release();
    await Promise.all([first, second, submitted, third]);

    expect(sent.sort()).toEqual(['a', 'b']);
    expect(await outbox.store().pending()).toEqual([]);
  });

  it('gives up on a send that hangs (the next try resends it), so one dead connection never holds the outbox', async () => {
    const { outbox } = setup({ conversation: () => new Promise(() => undefined) }, { sendTimeoutMs: 30 });
    await outbox.enqueue(entry('a'));

    const report = await outbox.flush();

    expect(report.get('a')).toMatchObject({ status: 'waiting', reason: 'offline' });
    expect(await pendingIds(outbox)).toEqual(['a']);
  });

  it('gives up on a send in flight when the app learns the network is gone', async () => {
    const { outbox, connectivity } = setup({ conversation: () => new Promise(() => undefined) });
    await outbox.enqueue(entry('a'));

    const flushing = outbox.flush();
    await vi.waitFor(async () => expect(await pendingIds(outbox)).toEqual(['a']));
    connectivity.reportNoAnswer();

    expect((await flushing).get('a')).toMatchObject({ status: 'waiting', reason: 'offline' });
  });
});

describe('a submission', () => {
  it('is confirmed within its answer window even when the network hangs; the entry leaves in the background', async () => {
    let answer!: (value: unknown) => void;
    const { outbox } = setup({ conversation: () => new Promise((resolve) => (answer = resolve)) });

    const started = Date.now();
    const result = await outbox.submit(entry('slow'), 20);

    expect(result).toEqual({ status: 'waiting', reason: 'slow' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await pendingIds(outbox)).toEqual(['slow']);
    answer({});
    await vi.waitFor(async () => expect(await pendingIds(outbox)).toEqual([]));
  });

  it('puts a refusal that comes after the window in the "to correct" list', async () => {
    let refuse!: (error: unknown) => void;
    const { outbox } = setup({ conversation: () => new Promise((_, reject) => (refuse = reject)) });

    expect(await outbox.submit(entry('late'), 10)).toMatchObject({ status: 'waiting', reason: 'slow' });
    refuse(refusal());

    await vi.waitFor(async () => expect((await outbox.store().rejected()).map((e) => e.clientId)).toEqual(['late']));
    expect(await outbox.store().pending()).toEqual([]);
  });

  it('returns the refusal when the API answers within the window (shown next to the field)', async () => {
    const { outbox } = setup({ conversation: async () => Promise.reject(refusal()) });

    const result = await outbox.submit(entry('bad'), 5_000);

    expect(result).toMatchObject({ status: 'rejected', entry: { clientId: 'bad', field: 'input.door' } });
  });

  it('is confirmed at once, without waiting, while earlier entries are still being sent (five doors on one bar of signal)', async () => {
    const answers: Array<() => void> = [];
    const sent: string[] = [];
    const { outbox } = setup({
      conversation: (input) =>
        new Promise((resolve) => {
          sent.push(input.clientId!);
          answers.push(() => resolve({}));
        }),
    });

    expect(await outbox.submit(entry('door-1', 'u1', '2026-01-01T10:00:01Z'), 10)).toMatchObject({ status: 'waiting', reason: 'slow' });
    const started = Date.now();
    for (let door = 2; door <= 5; door++) {
      // A window this long would show if the submission waited for the API.
      expect(await outbox.submit(entry(`door-${door}`, 'u1', `2026-01-01T10:00:0${door}Z`), 60_000)).toMatchObject({ status: 'waiting', reason: 'slow' });
    }
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await pendingIds(outbox)).toHaveLength(5);

    // The answers arrive one by one; each door is sent exactly once.
    while ((await pendingIds(outbox)).length) {
      await vi.waitFor(() => expect(answers.length).toBeGreaterThan(0));
      answers.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(sent).toEqual(['door-1', 'door-2', 'door-3', 'door-4', 'door-5']);
  });

  it('is confirmed at once when the app knows it is offline', async () => {
    const send = vi.fn().mockRejectedValue(offline());
    const { outbox, connectivity } = setup({ conversation: send });
    connectivity.reportNoAnswer();

    expect(await outbox.submit(entry('a'), 60_000)).toEqual({ status: 'waiting', reason: 'offline' });
    expect(await pendingIds(outbox)).toEqual(['a']);
  });
});

describe('dues payments in the outbox', () => {
  it('sends a dues entry with the dues sender, once, and reports the payment the API returned', async () => {
    const conversation = vi.fn().mockResolvedValue({});
    const duesSender = vi.fn().mockResolvedValue({ id: 'p1', receiptNumber: '2026-0007' });
    const { outbox } = setup({ conversation, dues: duesSender });
    await outbox.enqueue(entry('door', 'u1', '2026-01-01T10:00:00Z'));
    await outbox.enqueue(dues('stall', 1200, '2026-01-01T10:00:01Z'));

    const report = await outbox.flush();
    await outbox.flush('manual');

    expect(conversation).toHaveBeenCalledTimes(1);
    expect(duesSender).toHaveBeenCalledTimes(1);
    expect(duesSender).toHaveBeenCalledWith(expect.objectContaining({ clientId: 'stall', amountCents: 1200, payerId: 'contact-1' }));
    expect(report.get('stall')).toEqual({ status: 'sent', answer: { id: 'p1', receiptNumber: '2026-0007' } });
  });

  it('keeps a dues payment recorded offline, then sends it when the network returns', async () => {
    const duesSender = vi.fn().mockRejectedValueOnce(offline()).mockResolvedValue({ id: 'p1', receiptNumber: '2026-0001' });
    const { outbox, connectivity } = setup({ dues: duesSender });
    const stop = outbox.startSync(60_000);
    disposers.push(stop);

    connectivity.reportNoAnswer();
    expect(await outbox.submit(dues('stall'))).toEqual({ status: 'waiting', reason: 'offline' });
    await vi.waitFor(async () => expect((await outbox.store().pending())[0]?.attempts).toBe(1));

    // A probe (or any request) is answered: the outbox sends at once, without waiting for its timer.
    connectivity.reportAnswered();

    await vi.waitFor(async () => expect(await pendingIds(outbox)).toEqual([]));
    expect(duesSender).toHaveBeenCalledTimes(2);
    expect(duesSender.mock.calls.map(([input]) => input.clientId)).toEqual(['stall', 'stall']);
  });

  it('puts a refused dues payment in the "to correct" list with its kind', async () => {
    const { outbox } = setup({
      dues: async () => Promise.reject(graphqlError('BAD_USER_INPUT', 'input.amountCents: must be a whole number from 0 to 10000000', 'input.amountCents')),
    });
    await outbox.enqueue(dues('stall', -5));

    await outbox.flush();

    const [rejected] = await outbox.store().rejected();
    expect(rejected).toMatchObject({ kind: 'dues', clientId: 'stall', payerName: 'Fatou Diallo', field: 'input.amountCents' });
  });

  it('reads entries stored before dues existed (no kind) as conversations', async () => {
    const store = createMemoryStore();
    const legacy = { ...entry('old') } as Partial<ConversationEntry>;
    delete legacy.kind;
    await store.put(legacy as OutboxEntry);
    await store.reject({ ...(legacy as ConversationEntry), clientId: 'old-refused', rejectedAt: '2026-01-01T00:00:00Z', message: 'x' });
    const conversation = vi.fn().mockResolvedValue({});
    const { outbox } = setup({ conversation }, { store });

    expect((await store.pending())[0]!.kind).toBe('conversation');
    expect((await store.rejected())[0]!.kind).toBe('conversation');
    await outbox.flush();
    expect(conversation).toHaveBeenCalledTimes(1);
  });
});

describe('isolation', () => {
  it('two outboxes share nothing: store, sender or queue', async () => {
    const never = setup({ conversation: () => new Promise(() => undefined) }).outbox;
    const other = setup().outbox;
    void never.submit(entry('stuck'), 0);
    await other.enqueue(entry('mine'));

    const report = await other.flush();

    expect(report.get('mine')).toMatchObject({ status: 'sent' });
    expect(report.has('stuck')).toBe(false);
    expect(await pendingIds(never)).toEqual(['stuck']);
  });

  describe('attendance at a session', () => {
    it('waits offline, then sends each tap once when the network is back; a second tap of the same person replaces the first', async () => {
      const sent: string[][] = [];
      let up = false;
      const { outbox } = setup({
        attendance: async (input) => {
          if (!up) throw offline();
          sent.push(input.contactIds);
          return { id: input.sessionId };
        },
      });
      for (const person of ['awa', 'karim', 'lina', 'awa']) await outbox.enqueue(attendance(person));
      expect(await pendingIds(outbox)).toHaveLength(3);
      const report = await outbox.flush();
      expect([...report.values()].every((r) => r.status === 'waiting')).toBe(true);
      expect(sent).toEqual([]);

      up = true;
      await outbox.flush('reconnect');
      expect(sent).toEqual([['awa'], ['karim'], ['lina']]);
      expect(await pendingIds(outbox)).toEqual([]);
      await outbox.flush('manual');
      expect(sent).toHaveLength(3);
    });

    it('waits while no sender for attendance is configured, and drops a refused tap (nothing to correct)', async () => {
      const { outbox } = setup();
      await outbox.enqueue(attendance('awa'));
      expect((await outbox.flush()).get('attendance:series-1_2026-03-03:awa')).toMatchObject({ status: 'waiting' });
      expect(await pendingIds(outbox)).toHaveLength(1);

      const refused = setup({ attendance: async () => Promise.reject(graphqlError('NOT_FOUND', 'contactIds[0]: contact x not found', 'contactIds[0]')) });
      await refused.outbox.enqueue(attendance('erased'));
      expect((await refused.outbox.flush()).get('attendance:series-1_2026-03-03:erased')).toMatchObject({ status: 'rejected' });
      expect(await pendingIds(refused.outbox)).toEqual([]);
      expect(await refused.outbox.store().rejected()).toEqual([]);
    });
  });

  describe('batches of doors not home', () => {
    it('keeps each batch offline, then sends it once with its own clientId; without a sender it waits', async () => {
      const sent: Array<{ clientId: string; doorIds: string[] }> = [];
      let up = false;
      const { outbox } = setup({
        doors: async (input) => {
          if (!up) throw offline();
          sent.push({ clientId: input.clientId, doorIds: input.doorIds });
          return input.doorIds.map((id) => ({ id }));
        },
      });
      await outbox.enqueue(doors('batch-1', ['d70', 'd71', 'd72']));
      await outbox.enqueue(doors('batch-2', ['d73', 'd74', 'd75']));
      expect([...(await outbox.flush()).values()].every((r) => r.status === 'waiting')).toBe(true);
      expect(sent).toEqual([]);

      up = true;
      await outbox.flush('reconnect');
      expect(sent).toEqual([
        { clientId: 'batch-1', doorIds: ['d70', 'd71', 'd72'] },
        { clientId: 'batch-2', doorIds: ['d73', 'd74', 'd75'] },
      ]);
      expect(await pendingIds(outbox)).toEqual([]);
      await outbox.flush('manual');
      expect(sent).toHaveLength(2);

      const without = setup();
      await without.outbox.enqueue(doors('batch-3', ['d1']));
      expect((await without.outbox.flush()).get('batch-3')).toMatchObject({ status: 'waiting' });
      expect(await pendingIds(without.outbox)).toEqual(['batch-3']);
    });

    it('drops a refused batch (a door made do-not-knock meanwhile): nothing to correct, nothing rejected', async () => {
      const { outbox } = setup({ doors: async () => Promise.reject(graphqlError('BAD_USER_INPUT', 'input.doorIds[0]: do not knock', 'input.doorIds[0]')) });
      await outbox.enqueue(doors('batch-x', ['d1']));
      expect((await outbox.flush()).get('batch-x')).toMatchObject({ status: 'rejected' });
      expect(await pendingIds(outbox)).toEqual([]);
      expect(await outbox.store().rejected()).toEqual([]);
    });
  });
});
