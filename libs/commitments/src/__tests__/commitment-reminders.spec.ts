import { CommitmentStatus, ReminderKind, ReminderStatus, messagesFor } from '@rapport/shared';
import { Reminder, ReminderProviders, reminderEmail, type ReminderDetails, type ReminderProvider } from '@rapport/reminders';
import type { Contact } from '@rapport/contacts';
import type { DecisionMaker } from '@rapport/decision-makers';
import type { Campaign } from '@rapport/campaigns';
import { defaultRemindAt } from '../commitments.service.js';
import { Commitment } from '../entities/commitment.entity.js';
import { CommitmentReminders } from '../reminders/commitment-reminders.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('defaultRemindAt', () => {
  const now = new Date('2025-03-03T10:00:00Z');

  it('reminds of a contact’s commitment 24 h before it is due', () => {
    const dueAt = new Date(now.getTime() + 3 * DAY);
    expect(defaultRemindAt('contact', dueAt, now)).toEqual(new Date(dueAt.getTime() - DAY));
  });

  it('reminds now of a contact’s commitment due within a day, or a little overdue', () => {
    expect(defaultRemindAt('contact', new Date(now.getTime() + 5 * HOUR), now)).toEqual(now);
    expect(defaultRemindAt('contact', new Date(now.getTime() - 5 * HOUR), now)).toEqual(now);
  });

  it('leaves history in the past: a commitment due more than a day ago keeps its day-before reminder', () => {
    const dueAt = new Date(now.getTime() - 3 * DAY);
    expect(defaultRemindAt('contact', dueAt, now)).toEqual(new Date(dueAt.getTime() - DAY));
  });

  it('reminds of a decision-maker’s promise at its deadline', () => {
    const dueAt = new Date(now.getTime() + 10 * DAY);
    expect(defaultRemindAt('decisionMaker', dueAt, now)).toEqual(dueAt);
    expect(defaultRemindAt('decisionMaker', new Date(now.getTime() - 10 * DAY), now)).toEqual(new Date(now.getTime() - 10 * DAY));
  });
});

const provider = new CommitmentReminders(new ReminderProviders());
const dueAt = new Date('2025-03-04T17:00:00Z');
const fatima = { id: 'ct1', firstName: 'Fatima', lastName: 'Benali', phone: '+33612345678' } as Contact;
const mayor = { id: 'dm1', name: 'Nathalie Appéré', title: 'Maire', institution: 'Ville de Rennes' } as DecisionMaker;
const campaign = { id: 'camp1', name: 'CPAM Villejean' } as Campaign;

function commitment(over: Partial<Commitment>): Commitment {
  return Object.assign(new Commitment(), {
    id: 'c1',
    organizationId: 'o1',
    description: 'Venir à la réunion',
    dueAt,
    status: CommitmentStatus.OPEN,
    contactId: null,
    contact: null,
    decisionMakerId: null,
    decisionMaker: null,
    campaignId: null,
    campaign: null,
    negotiationId: null,
    ...over,
  });
}

function details(c: Commitment, kind: ReminderKind, locale: 'fr' | 'en'): ReminderDetails {
  const reminder = Object.assign(new Reminder(), {
    id: 'r1',
    organizationId: 'o1',
    kind,
    remindAt: dueAt,
    status: ReminderStatus.SCHEDULED,
    commitmentId: c.id,
  });
  return {
    reminder,
    organization: { id: 'o1', name: 'Si on s’alliait', locale, timezone: 'Europe/Paris', actionReminderHours: 24 },
    recipient: { id: 'u1', organizationId: 'o1', email: 'nadia@example.org', displayName: 'Nadia', locale, role: 'ORGANISER' },
    locale,
    provider: provider as ReminderProvider,
    subject: c,
    route: provider.route(c),
    stillRelevant: provider.whyNotRelevant(c) === null,
  };
}

describe('the commitments’ reminder provider', () => {
  it('writes a contact’s commitment in French: who, what, when, phone, and a link to the person', () => {
    const c = commitment({ contactId: fatima.id, contact: fatima, campaignId: campaign.id, campaign });
    const mail = reminderEmail(details(c, ReminderKind.COMMITMENT_DUE, 'fr'), 'https://rapport.example');
    expect(mail.subject).toBe('Rappel — Engagement de Fatima Benali : « Venir à la réunion », pour le mardi 4 mars 2025 à 18:00');
    expect(mail.text).toContain("Fatima Benali s'est engagé·e à : « Venir à la réunion »");
    expect(mail.text).toContain('Échéance : mardi 4 mars 2025 à 18:00');
    expect(mail.text).toContain('Campagne : CPAM Villejean');
    expect(mail.text).toContain('Téléphone : +33612345678');
    expect(mail.text).toContain('Voir : https://rapport.example/contacts/ct1');
  });

  it('writes a decision-maker’s deadline in English, linking to the campaign’s dashboard', () => {
    const c = commitment({ decisionMakerId: mayor.id, decisionMaker: mayor, campaignId: campaign.id, campaign });
    const d = details(c, ReminderKind.DECISION_MAKER_DEADLINE, 'en');
    expect(provider.headline(c, d.reminder, messagesFor('en', 'Europe/Paris'))).toBe(
      'Deadline: Nathalie Appéré promised “Venir à la réunion” by Tuesday, 4 March 2025 at 18:00',
    );
    const mail = reminderEmail(d, 'https://rapport.example');
    expect(mail.text).toContain('Nathalie Appéré (Maire, Ville de Rennes) promised: “Venir à la réunion”');
    expect(mail.text).toContain('By: Tuesday, 4 March 2025 at 18:00 — the commitment is still open.');
    expect(mail.text).toContain('Open: https://rapport.example/campaigns/camp1');
  });

  it('links only to pages of the web app', () => {
    expect(provider.route(commitment({ negotiationId: 'n1', decisionMakerId: mayor.id }))).toBe('/negotiations/n1/brief');
    expect(provider.route(commitment({ decisionMakerId: mayor.id }))).toBe('/notifications');
  });

  it('stops reminding of a commitment resolved or gone', () => {
    expect(provider.whyNotRelevant(commitment({ status: CommitmentStatus.KEPT }))).toBe('the commitment is KEPT');
    expect(provider.whyNotRelevant(null)).toBe('the commitment no longer exists');
  });

  it('lists overdue commitments in the digest', () => {
    const m = messagesFor('fr', 'Europe/Paris');
    expect(provider.line({ who: 'Fatima Benali', description: 'Tracts', dueAt, campaign: 'CPAM Villejean' }, m)).toBe(
      '- Fatima Benali : « Tracts » (échéance mar. 4 mars) — CPAM Villejean',
    );
    expect(provider.title(2, m)).toBe('Engagements en retard (2) :');
  });
});
