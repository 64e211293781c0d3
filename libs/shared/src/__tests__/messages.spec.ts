import { fr } from '../messages/fr.js';
import { en } from '../messages/en.js';
import { formatWhen, message, messagesFor } from '../messages/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the server message catalogue', () => {
  it('says the same things in French and English: same keys, same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const key of Object.keys(fr) as Array<keyof typeof fr>) expect([key, placeholders(en[key])]).toEqual([key, placeholders(fr[key])]);
  });

  it('fills in the placeholders, in the reader’s language', () => {
    expect(message('fr', 'commitment.due.dueAt', { when: 'demain' })).toBe('Échéance : demain');
    expect(message('en', 'commitment.due.dueAt', { when: 'tomorrow' })).toBe('Due: tomorrow');
    expect(message('fr', 'quote', { text: 'Venir' })).toBe('« Venir »');
    expect(message('en', 'quote', { text: 'Come' })).toBe('“Come”');
    expect(message('fr', 'digest.overdue.title', { count: 3 })).toBe('Engagements en retard (3) :');
  });

  it('never reads a member’s text as a placeholder, and leaves a missing parameter visible', () => {
    expect(message('fr', 'commitment.due.committed', { who: '{description}', description: 'x' })).toBe("{description} s'est engagé·e à : x");
    expect(message('en', 'reminder.hello', {})).toBe('Hello {name},');
  });

  it('writes dates in the organisation’s timezone', () => {
    const date = new Date('2025-03-03T17:00:00Z');
    expect(formatWhen(date, 'fr', 'Europe/Paris')).toMatch(/^lundi 3 mars 2025 à 18:00$/);
    expect(formatWhen(date, 'en', 'Europe/Paris')).toMatch(/^Monday, 3 March 2025 at 18:00$/);
    const m = messagesFor('en', 'America/New_York');
    expect(m.when(date)).toMatch(/^Monday, 3 March 2025 at 12:00$/);
    expect(m.t('reminder.generic', { when: m.when(date) })).toBe(`Reminder for ${m.when(date)}`);
  });
});
