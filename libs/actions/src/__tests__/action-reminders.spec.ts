import { ReminderKind, ReminderStatus, messagesFor } from '@rapport/shared';
import { Reminder, ReminderProviders } from '@rapport/reminders';
import type { Campaign } from '@rapport/campaigns';
import { Action } from '../entities/action.entity.js';
import { ActionReminders, type ActionPerson } from '../reminders/action-reminders.js';

const provider = new ActionReminders(new ReminderProviders());
const startsAt = new Date('2025-03-04T17:00:00Z');
const action = Object.assign(new Action(), {
  id: 'a1',
  organizationId: 'o1',
  campaignId: 'camp1',
  campaign: { id: 'camp1', name: 'CPAM Villejean' } as Campaign,
  title: 'Délégation à la CPAM',
  startsAt,
  location: 'Place de Bretagne',
  organiserId: 'u1',
});
const person = (over: Partial<ActionPerson>): ActionPerson => ({ id: 'p', name: '?', firstName: '', email: null, phone: null, consent: false, ...over });
const committed = [
  person({ id: 'awa', name: 'Awa Diallo', firstName: 'Awa', email: 'awa@exemple.fr', phone: '+33611111111', consent: true }),
  person({ id: 'bruno', name: 'Bruno Le Gall', firstName: 'Bruno', email: 'bruno@exemple.fr', phone: '+33622222222' }),
  person({ id: 'chantal', name: 'Chantal Morin', firstName: 'Chantal', consent: true }),
];
const reminder = Object.assign(new Reminder(), {
  id: 'r1',
  organizationId: 'o1',
  kind: ReminderKind.ACTION_UPCOMING,
  remindAt: startsAt,
  status: ReminderStatus.SCHEDULED,
  actionId: 'a1',
});
const organization = { id: 'o1', name: 'Si on s’alliait', locale: 'fr' as const, timezone: 'Europe/Paris', actionReminderHours: 24 };

describe('the actions’ reminder provider', () => {
  it('gives the organiser the call list: who has no email or no consent', () => {
    const lines = provider.body({ action, committed }, reminder, messagesFor('fr', 'Europe/Paris'));
    expect(lines).toEqual([
      'Action : Délégation à la CPAM',
      'Quand : mardi 4 mars 2025 à 18:00',
      'Où : Place de Bretagne',
      'Campagne : CPAM Villejean',
      '',
      '3 personne(s) engagée(s) ; 1 reçoi(ven)t un rappel par e-mail.',
      '',
      'À appeler (pas d’e-mail ou pas de consentement) :',
      '- Bruno Le Gall — +33622222222',
      '- Chantal Morin — pas de téléphone',
    ]);
    expect(provider.body({ action, committed: committed.slice(0, 1) }, reminder, messagesFor('en', 'Europe/Paris')).at(-1)).toBe(
      'Nobody to call: everyone got an email.',
    );
  });

  it('emails each participant who consented, in the organisation’s language, once per contact', () => {
    const emails = provider.otherEmails({ action, committed }, { reminder, organization, recipient: null });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ key: 'contact:awa', to: 'awa@exemple.fr', subject: 'Rappel : Délégation à la CPAM, mardi 4 mars 2025 à 18:00' });
    expect(emails[0].text.split('\n')[0]).toBe('Bonjour Awa,');
    expect(emails[0].text).toContain('Vous vous êtes engagé·e à venir : Délégation à la CPAM');
  });

  it('goes to the organiser when the row names no one, links to the campaign, and stops once the action started', () => {
    expect(provider.recipientOf({ action, committed })).toBe('u1');
    expect(provider.route({ action, committed })).toBe('/campaigns/camp1');
    expect(provider.whyNotRelevant({ action, committed }, reminder, new Date(startsAt.getTime() + 1))).toBe('the action has already started');
    expect(provider.whyNotRelevant(null, reminder, startsAt)).toBe('the action no longer exists');
  });
});
