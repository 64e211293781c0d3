import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ReminderKind, ReminderStatus, Role } from '@rapport/shared';
import { renderApp, shellMocks, signInAs } from '../../../test/renderApp';
import { ContactCardQuery } from '../../contacts/graphql/saveContact';
import { markNotificationsSeen } from '../seen';
import { CompleteReminderMutation, SnoozeReminderMutation } from '../graphql/reminderActions';
import { snoozeUntil } from './NotificationsPage';
import userEvent from '@testing-library/user-event';

const reminder = (id: string, kind: ReminderKind, status: ReminderStatus, at: string, message: string, link: string | null = null) => ({
  __typename: 'Reminder',
  id,
  kind,
  remindAt: at,
  status,
  sentAt: status === ReminderStatus.SENT ? at : null,
  doneAt: null as string | null,
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

  it('marks a reminder done (it moves to "Faits") and snoozes another to tomorrow 9:00', async () => {
    markNotificationsSeen(new Date('2027-01-01T00:00:00.000Z'));
    signInAs(Role.ORGANISER);
    const user = userEvent.setup();
    const sent = reminders[0]!;
    const coming = reminders[2]!;
    const until = snoozeUntil(1).toISOString();
    const calls: string[] = [];
    const mocks = [
      fatou,
      ...shellMocks({ reminders }),
      {
        request: { query: CompleteReminderMutation, variables: { id: sent.id } },
        result: () => {
          calls.push('done');
          return {
            data: {
              completeReminder: {
                __typename: 'Reminder',
                id: sent.id,
                status: 'SENT',
                doneAt: '2027-01-02T10:00:00.000Z',
                remindAt: sent.remindAt,
                sentAt: sent.sentAt,
              },
            },
          };
        },
      },
      {
        request: { query: SnoozeReminderMutation, variables: { id: coming.id, until } },
        result: () => {
          calls.push('snooze');
          return {
            data: { snoozeReminder: { __typename: 'Reminder', id: coming.id, status: 'SCHEDULED', doneAt: null, remindAt: until, sentAt: null, attempts: 0 } },
          };
        },
      },
    ];
    renderApp('/notifications', { mocks });

    const past = await screen.findByRole('region', { name: 'Envoyés' });
    const item = within(past)
      .getByText(/Relance prévue : Fatou Diallo/)
      .closest('li')!;
    await user.click(within(item).getByRole('button', { name: 'Fait' }));
    const done = await screen.findByRole('region', { name: 'Faits' });
    expect(within(done).getByText(/Relance prévue : Fatou Diallo/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Envoyés' })).queryByText(/Fatou Diallo/)).toBeNull();

    const upcoming = screen.getByRole('region', { name: 'À venir' });
    const next = within(upcoming).getByText('Action à venir : Rassemblement').closest('li')!;
    await user.click(within(next).getByText('Reporter'));
    await user.click(within(next).getByRole('button', { name: 'Demain à 9 h' }));
    await waitFor(() => expect(calls).toEqual(['done', 'snooze']));
    // Cancelled reminders offer neither.
    const cancelled = screen.getByRole('region', { name: 'Annulés' });
    expect(within(cancelled).queryByRole('button', { name: 'Fait' })).toBeNull();
  });
});
