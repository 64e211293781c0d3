import { describe, expect, it } from 'vitest';
import { ConversationKind, ConversationOutcome } from '@rapport/shared';
import { emptyDraft, nextDoor, toInput } from './draft';

const NOW = new Date('2026-03-02T17:45:00Z');

describe('toInput', () => {
  it('sends only the address and notes when nobody talked', () => {
    const draft = { ...emptyDraft('c1'), outcome: ConversationOutcome.NOT_HOME, street: ' Cours Kennedy ', door: '', firstName: 'Ignored', notes: '' };
    expect(toInput(draft, 'id-1', NOW)).toEqual({
      clientId: 'id-1',
      kind: ConversationKind.DOOR_KNOCK,
      outcome: ConversationOutcome.NOT_HOME,
      occurredAt: NOW.toISOString(),
      campaignId: 'c1',
      street: 'Cours Kennedy',
      building: null,
      door: null,
      followUpAt: null,
      notes: null,
    });
  });

  it('uses a picked contact rather than the new-contact fields', () => {
    const draft = { ...emptyDraft(), outcome: ConversationOutcome.TALKED, contactId: 'k1', firstName: 'Fatou' };
    const input = toInput(draft, 'id-2', NOW);
    expect(input.contactId).toBe('k1');
    expect(input.newContact).toBeUndefined();
    expect(input.campaignId).toBeNull();
  });

  it('turns a follow-up day into 09:00 that day, local time', () => {
    const input = toInput({ ...emptyDraft(), outcome: ConversationOutcome.TALKED, followUpAt: '2026-03-09' }, 'id-3', NOW);
    const at = new Date(input.followUpAt!);
    expect([at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes()]).toEqual([2026, 2, 9, 9, 0]);
  });

  it('keeps campaign, kind, street and building for the next door', () => {
    const next = nextDoor({ ...emptyDraft('c1'), kind: ConversationKind.DROP_IN, street: 'Rue', building: 'B', door: '3', notes: 'n', firstName: 'F' });
    expect(next).toEqual({ ...emptyDraft('c1'), kind: ConversationKind.DROP_IN, street: 'Rue', building: 'B' });
  });
});
