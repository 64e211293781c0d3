import { afterEach, describe, expect, it, vi } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ConversationKind, ConversationOutcome } from '@rapport/shared';
import { emptyDraft } from '../draft';
import { configureOutbox, enqueue, flushOutbox, getOutboxStore, submitToOutbox } from './outbox';
import type { OutboxEntry } from './store';

function entry(clientId: string, userId = 'u1', createdAt = new Date().toISOString()): OutboxEntry {
  return {
    clientId,
    userId,
    input: { clientId, kind: ConversationKind.DOOR_KNOCK, outcome: ConversationOutcome.NOT_HOME },
    draft: emptyDraft(),
    createdAt,
    attempts: 0,
  };
}

const refusal = () =>
  new CombinedGraphQLErrors({ errors: [{ message: 'input.door: must be at most 40 characters (got 41)', extensions: { code: 'BAD_USER_INPUT', field: 'input.door' } }] });

afterEach(() => configureOutbox(null));

describe('the outbox', () => {
  it('sends entries oldest first and removes each only once the API accepted it', async () => {
    const order: string[] = [];
    configureOutbox({ userId: 'u1', send: async (input) => void order.push(input.clientId!) });
    await enqueue(entry('b', 'u1', '2026-01-01T10:00:01Z'));
    await enqueue(entry('a', 'u1', '2026-01-01T10:00:00Z'));

    const report = await flushOutbox();

    expect(order).toEqual(['a', 'b']);
    expect(report.get('a')).toEqual({ status: 'sent' });
    expect(await getOutboxStore().pending()).toEqual([]);
  });

  it('keeps everything when the network is down, and stops at the first failure', async () => {
    const send = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    configureOutbox({ userId: 'u1', send });
    await enqueue(entry('a', 'u1', '2026-01-01T10:00:00Z'));
    await enqueue(entry('b', 'u1', '2026-01-01T10:00:01Z'));

    const report = await flushOutbox();

    expect(send).toHaveBeenCalledTimes(1);
    expect(report.get('a')).toMatchObject({ status: 'waiting', reason: 'offline' });
    expect(report.get('b')).toMatchObject({ status: 'waiting', reason: 'offline' });
    const pending = await getOutboxStore().pending();
    expect(pending.map((e) => [e.clientId, e.attempts])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
  });

  it('moves a BAD_USER_INPUT refusal to the rejected list (shown to the member) and goes on with the others', async () => {
    const send = vi.fn().mockRejectedValueOnce(refusal()).mockResolvedValue({});
    configureOutbox({ userId: 'u1', send });
    await enqueue(entry('a', 'u1', '2026-01-01T10:00:00Z'));
    await enqueue(entry('b', 'u1', '2026-01-01T10:00:01Z'));

    await flushOutbox();

    expect(await getOutboxStore().pending()).toEqual([]);
    const rejected = await getOutboxStore().rejected();
    expect(rejected.map((e) => [e.clientId, e.field])).toEqual([['a', 'input.door']]);
    expect(rejected[0]!.message).toContain('must be at most 40 characters');
  });

  it('keeps an entry the API answered with another error (it may be a passing problem)', async () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    configureOutbox({ userId: 'u1', send: vi.fn().mockRejectedValue(error) });
    await enqueue(entry('a'));

    const report = await flushOutbox();

    expect(report.get('a')).toMatchObject({ status: 'waiting', reason: 'error' });
    expect(await getOutboxStore().pending()).toHaveLength(1);
    expect(await getOutboxStore().rejected()).toEqual([]);
  });

  it('never sends an entry twice when flushes overlap (online event, timer and a new submission at once)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    configureOutbox({
      userId: 'u1',
      send: async (input) => {
        sent.push(input.clientId!);
        await gate;
      },
    });
    await enqueue(entry('a'));

    const first = flushOutbox();
    const second = flushOutbox();
    const submitted = submitToOutbox(entry('b'));
    const third = flushOutbox();
    release();
    await Promise.all([first, second, submitted, third]);

    expect(sent.sort()).toEqual(['a', 'b']);
    expect(await getOutboxStore().pending()).toEqual([]);
  });

  it('answers a submission within its time limit even when the network hangs; the entry waits for its turn', async () => {
    configureOutbox({ userId: 'u1', send: () => new Promise(() => undefined) });

    const result = await submitToOutbox(entry('slow'), 20);

    expect(result).toEqual({ status: 'waiting', reason: 'offline' });
    expect((await getOutboxStore().pending()).map((e) => e.clientId)).toEqual(['slow']);
  });
});
