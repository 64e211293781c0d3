import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReminderKind, Role } from '@rapport/shared';
import { renderApp, signInAs } from '../../../test/renderApp';
import { InviteMemberMutation, RemoveMemberMutation, TeamQuery } from '../graphql/team';

const team = {
  members: [
    { __typename: 'User', id: 'u1', email: 'awa@example.org', displayName: 'Awa', role: Role.ORGANISER },
    { __typename: 'User', id: 'u2', email: 'samira@example.org', displayName: 'Samira', role: Role.LEADER },
  ],
  invitations: [],
  reminderHealth: { __typename: 'ReminderHealth', pending: 4, overdue: 1, failed: 1, sentLast7Days: 12 },
  failedReminders: [{ __typename: 'Reminder', id: 'r1', kind: ReminderKind.FOLLOW_UP, remindAt: '2026-03-02T08:00:00.000Z', lastError: 'SMTP 550' }],
};

describe('team page', () => {
  it('invites without email: shows the one-time link to pass on', async () => {
    signInAs(Role.ORGANISER);
    const url = 'https://rapport.example.org/invitation/abc123';
    renderApp('/team', {
      mocks: [
        { request: { query: TeamQuery }, maxUsageCount: Number.POSITIVE_INFINITY, result: { data: team } },
        {
          request: { query: InviteMemberMutation, variables: { email: 'yasmine@example.org', displayName: 'Yasmine', role: Role.ALLY } },
          result: {
            data: {
              inviteMember: {
                __typename: 'Invitation',
                id: 'i1',
                email: 'yasmine@example.org',
                displayName: 'Yasmine',
                role: Role.ALLY,
                expiresAt: '2026-03-09T08:00:00.000Z',
                acceptUrl: url,
              },
            },
          },
        },
      ],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Équipe' })).toBeTruthy();
    const health = screen.getByRole('region', { name: 'Rappels de l’organisation' });
    expect(within(health).getByText('SMTP 550')).toBeTruthy();

    const user = userEvent.setup();
    const form = screen.getByRole('region', { name: 'Inviter quelqu’un' });
    await user.type(within(form).getByLabelText('Adresse e-mail'), 'yasmine@example.org');
    await user.type(within(form).getByLabelText('Nom'), 'Yasmine');
    await user.selectOptions(within(form).getByLabelText('Rôle'), Role.ALLY);
    await user.click(within(form).getByRole('button', { name: 'Inviter' }));
    const link = (await within(form).findByLabelText('Lien d’invitation')) as HTMLInputElement;
    expect(link.value).toBe(url);
    expect(within(form).getByText(/transmettez ce lien à yasmine@example.org/)).toBeTruthy();
  });

  it('removes a member only after confirmation', async () => {
    signInAs(Role.ORGANISER);
    let removed = 0;
    renderApp('/team', {
      mocks: [
        { request: { query: TeamQuery }, maxUsageCount: Number.POSITIVE_INFINITY, result: { data: team } },
        {
          request: { query: RemoveMemberMutation, variables: { userId: 'u2' } },
          result: () => {
            removed++;
            return { data: { removeMember: true } };
          },
        },
      ],
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Retirer Samira' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Retirer Samira de l’équipe ?' });
    expect(removed).toBe(0);
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(removed).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Retirer Samira' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Confirmer' }));
    await screen.findByRole('heading', { level: 1, name: 'Équipe' });
    await new Promise((r) => setTimeout(r, 50));
    expect(removed).toBe(1);
  });

  it('keeps leaders out of /team and offers everyone their account', async () => {
    signInAs(Role.LEADER);
    renderApp('/campaigns');
    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).queryByRole('link', { name: 'Équipe' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Mon compte' })).toBeTruthy();
  });
});
