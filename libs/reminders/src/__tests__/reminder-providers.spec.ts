import { ReminderKind, ReminderStatus } from '@rapport/shared';
import { ReminderProviders } from '../providers/reminder-providers.service.js';
import { reminderEmail, reminderHeadline } from '../providers/reminder-messages.js';
import type { ReminderDetails } from '../providers/reminder-details.service.js';
import type { ReminderProvider } from '../providers/reminder-provider.js';
import { Reminder } from '../entities/reminder.entity.js';

interface Note {
  id: string;
  organizationId: string;
  text: string;
}

const noteProvider: ReminderProvider<Note> = {
  subjectId: (r) => r.commitmentId,
  load: async () => new Map(),
  organizationOf: (n) => n.organizationId,
  whyNotRelevant: (n) => (n ? null : 'gone'),
  route: (n) => `/contacts/${n.id}`,
  headline: (n, _r, m) => m.t('action.headline', { title: n.text, when: '…' }),
  body: (n, _r, m) => [m.t('action.title', { title: n.text })],
};

const reminder = Object.assign(new Reminder(), {
  id: 'r1',
  organizationId: 'o1',
  kind: ReminderKind.COMMITMENT_DUE,
  remindAt: new Date('2025-03-03T17:00:00Z'),
  status: ReminderStatus.SCHEDULED,
  commitmentId: 'n1',
});

function details(locale: 'fr' | 'en', subject?: Note): ReminderDetails {
  return {
    reminder,
    organization: { id: 'o1', name: 'Si on s’alliait', locale, timezone: 'Europe/Paris', actionReminderHours: 24 },
    recipient: { id: 'u1', organizationId: 'o1', email: 'nadia@example.org', displayName: 'Nadia', locale, role: 'ORGANISER' },
    locale,
    provider: noteProvider as ReminderProvider,
    subject,
    route: subject ? `/contacts/${subject.id}` : '/notifications',
    stillRelevant: true,
  };
}

describe('ReminderProviders', () => {
  it('refuses to start while a kind has no provider, naming it', () => {
    const registry = new ReminderProviders();
    // Every kind but one (later contexts add kinds: membership, cases…).
    registry.register(
      Object.values(ReminderKind).filter((kind) => kind !== ReminderKind.ACTION_UPCOMING),
      noteProvider,
    );
    expect(() => registry.assertComplete()).toThrow(/no reminder provider registered for ACTION_UPCOMING:/);
    registry.register([ReminderKind.ACTION_UPCOMING], noteProvider);
    expect(() => registry.assertComplete()).not.toThrow();
  });

  it('refuses two providers for one kind', () => {
    const registry = new ReminderProviders();
    registry.register([ReminderKind.FOLLOW_UP], noteProvider);
    expect(() => registry.register([ReminderKind.FOLLOW_UP], { ...noteProvider })).toThrow(/two reminder providers for FOLLOW_UP/);
  });

  it('shows digest sections in their order, whatever the order they register in', () => {
    const registry = new ReminderProviders();
    const section = (order: number) => ({ order, items: async () => [], title: () => '', none: () => '', line: () => '' });
    registry.registerDigestSection(section(3));
    registry.registerDigestSection(section(1));
    registry.registerDigestSection(section(2));
    expect(registry.digestSections().map((s) => s.order)).toEqual([1, 2, 3]);
  });
});

describe('the frame of a reminder email', () => {
  it('greets, gives the provider’s words, the link and the footer, in French', () => {
    const mail = reminderEmail(details('fr', { id: 'c1', organizationId: 'o1', text: 'Tracts' }), 'https://rapport.example');
    expect(mail.subject).toBe('Rappel — Action à venir : Tracts, le …');
    expect(mail.text.split('\n')).toEqual([
      'Bonjour Nadia,',
      '',
      'Action : Tracts',
      '',
      'Voir : https://rapport.example/contacts/c1',
      '',
      '--',
      'Rapport · Si on s’alliait',
      'Vous recevez ce rappel parce que vous êtes membre de Si on s’alliait.',
    ]);
  });

  it('falls back to a dated reminder linking to the member’s reminders when the subject is gone, in English', () => {
    const d = details('en');
    expect(reminderHeadline(d)).toBe('Reminder for Monday, 3 March 2025 at 18:00');
    const mail = reminderEmail(d, 'https://rapport.example');
    expect(mail.subject).toBe('Reminder — Reminder for Monday, 3 March 2025 at 18:00');
    expect(mail.text).toContain('Open: https://rapport.example/notifications');
    expect(mail.text).toContain('You receive this reminder as a member of Si on s’alliait.');
  });
});
