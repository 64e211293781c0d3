import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ReminderKind, ReminderStatus, Role } from '@rapport/shared';
import { renderApp, shellMocks, signInAs } from '../../../test/renderApp';
import { markNotificationsSeen } from '../seen';

const reminder = (id: string, kind: ReminderKind, status: ReminderStatus, at: string) => ({
  __typename: 'Reminder',
  id,
  kind,
  remindAt: at,
  status,
  sentAt: status === ReminderStatus.SENT ? at : null,
  attempts: status === ReminderStatus.SENT ? 1 : 0,
});

const reminders = [
  reminder('r1', ReminderKind.FOLLOW_UP, ReminderStatus.SENT, '2026-03-02T08:00:00.000Z'),
  reminder('r2', ReminderKind.COMMITMENT_DUE, ReminderStatus.SENT, '2026-02-01T08:00:00.000Z'),
  reminder('r3', ReminderKind.ACTION_UPCOMING, ReminderStatus.SCHEDULED, '2099-06-22T08:00:00.000Z'),
];

describe('reminders', () => {
  it('badges the reminders sent since the member last looked, then lists them all', async () => {
    markNotificationsSeen(new Date('2026-02-15T00:00:00.000Z'));
    signInAs(Role.ORGANISER);
    renderApp('/campaigns', { mocks: shellMocks({ reminders }) });

    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    const link = await within(nav).findByRole('link', { name: /Rappels.*1 nouveau rappel/ });
    link.click();

    expect(await screen.findByRole('heading', { level: 1, name: 'Rappels' })).toBeTruthy();
    const upcoming = screen.getByRole('region', { name: 'À venir' });
    expect(within(upcoming).getByText('Action à venir')).toBeTruthy();
    const past = screen.getByRole('region', { name: 'Envoyés' });
    const items = within(past).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.card-title')?.textContent)).toEqual(['Relance à faire nouveau', 'Engagement à échéance ']);
    // Seen: the badge goes.
    await waitFor(() => expect(within(nav).queryByText(/nouveau rappel/)).toBeNull());
  });
});
