import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ReminderKind, ReminderStatus, Role } from '@rapport/shared';
import { renderApp, shellMocks, signInAs } from '../../../test/renderApp';
import { ContactCardQuery } from '../../contacts/graphql/saveContact';
import { markNotificationsSeen } from '../seen';

const reminder = (id: string, kind: ReminderKind, status: ReminderStatus, at: string, message: string, link: string | null = null) => ({
  __typename: 'Reminder',
  id,
  kind,
  remindAt: at,
  status,
  sentAt: status === ReminderStatus.SENT ? at : null,
  attempts: status === ReminderStatus.SENT ? 1 : 0,
  message,
  link,
});

const reminders = [
  reminder(
    'r1',
    ReminderKind.FOLLOW_UP,
    ReminderStatus.SENT,
    '2026-03-02T08:00:00.000Z',
    'Relance prévue : Fatou Diallo, le lundi 2 mars 2026 à 09:00',
    '/contacts/k1',
  ),
  reminder('r2', ReminderKind.COMMITMENT_DUE, ReminderStatus.SENT, '2026-02-01T08:00:00.000Z', 'Engagement de Awa : « venir »', '/campaigns/c1'),
  reminder('r3', ReminderKind.ACTION_UPCOMING, ReminderStatus.SCHEDULED, '2099-06-22T08:00:00.000Z', 'Action à venir : Rassemblement'),
  reminder('r4', ReminderKind.FOLLOW_UP, ReminderStatus.CANCELLED, '2026-01-02T08:00:00.000Z', 'Relance prévue : Jean'),
];

const fatou = {
  request: { query: ContactCardQuery, variables: { id: 'k1' } },
  result: { data: { contact: { __typename: 'Contact', id: 'k1', firstName: 'Fatou', lastName: 'Diallo', phone: '06 12 34 56 78' } } },
};

describe('reminders', () => {
  it('badges the reminders sent since the member last looked, then lists them all', async () => {
    markNotificationsSeen(new Date('2026-02-15T00:00:00.000Z'));
    signInAs(Role.ORGANISER);
    renderApp('/campaigns', { mocks: [fatou, ...shellMocks({ reminders })] });

    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    const link = await within(nav).findByRole('link', { name: /Rappels.*1 nouveau rappel/ });
    link.click();

    expect(await screen.findByRole('heading', { level: 1, name: 'Rappels' })).toBeTruthy();
    const upcoming = await screen.findByRole('region', { name: 'À venir' });
    expect(within(upcoming).getByText('Action à venir : Rassemblement')).toBeTruthy();
    const past = screen.getByRole('region', { name: 'Envoyés' });
    const items = within(past)
      .getAllByRole('listitem')
      .filter((li) => li.dataset['reminder']);
    expect(items.map((li) => li.querySelector('.card-title')?.textContent)).toEqual([
      'Relance prévue : Fatou Diallo, le lundi 2 mars 2026 à 09:00 nouveau',
      'Engagement de Awa : « venir » ',
    ]);
    // Who and what: the message links to the subject; the person's name links to their page, with the phone to call.
    expect(
      within(items[0]!)
        .getByRole('link', { name: /Relance prévue/ })
        .getAttribute('href'),
    ).toBe('/contacts/k1');
    expect((await within(items[0]!).findByRole('link', { name: 'Fatou Diallo' })).getAttribute('href')).toBe('/contacts/k1');
    expect(within(items[0]!).getByRole('link', { name: '06 12 34 56 78' }).getAttribute('href')).toBe('tel:06 12 34 56 78');
    // Cancelled ones apart.
    const cancelled = screen.getByRole('region', { name: 'Annulés' });
    expect(within(cancelled).getByText('Relance prévue : Jean')).toBeTruthy();
    expect(within(past).queryByText('Relance prévue : Jean')).toBeNull();
    // Seen: the badge goes.
    await waitFor(() => expect(within(nav).queryByText(/nouveau rappel/)).toBeNull());
  });
});
