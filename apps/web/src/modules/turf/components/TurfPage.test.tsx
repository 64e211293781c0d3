import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink as Mocks } from '@apollo/client/testing';
import { createApolloClient } from '../../../apollo/client';
import { I18nProvider } from '../../../i18n';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { ConversationOutcome, Role } from '@rapport/shared';
import { renderApp, signInAs } from '../../../test/renderApp';
import { getOutboxStore } from '../../field/outbox/outbox';
import { AssignTurfMutation, BuildingsQuery, LogDoorsVisitMutation, RevisitListQuery, TurfMembersQuery } from '../graphql/turf';
import { AssignTurf, mayAssignTurf } from './AssignTurf';

const door = (id: string, floor: number, label: string, lastOutcome: ConversationOutcome | null = null) => ({
  __typename: 'Door',
  id,
  floor,
  label,
  visits: lastOutcome ? 1 : 0,
  lastOutcome,
  doNotKnock: false,
});

const turfMocks: MockLink.MockedResponse[] = [
  {
    request: { query: BuildingsQuery, variables: { campaignId: 'c1' } },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: {
      data: {
        buildings: [
          {
            __typename: 'Building',
            id: 'b1',
            street: 'Cours Kennedy',
            number: '12',
            name: 'Tour Kennedy B',
            doorCount: 2,
            knocked: 1,
            talked: 0,
            assignedTo: [],
            doors: [door('d70', 7, '7-1', ConversationOutcome.NOT_HOME), door('d71', 7, '7-2')],
          },
        ],
      },
    },
  },
  {
    request: { query: RevisitListQuery, variables: { campaignId: 'c1', minDaysSince: 3 } },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: { data: { revisitList: [] } },
  },
];

describe('/campaigns/:id/turf', () => {
  it('opens /field on a door tapped alone', async () => {
    const user = userEvent.setup();
    signInAs(Role.ORGANISER);
    renderApp('/campaigns/c1/turf', { mocks: turfMocks });

    await user.click(await screen.findByRole('button', { name: 'Porte 7-2, pas encore frappé' }));
    const link = screen.getByRole('link', { name: 'Noter une conversation à cette porte' });
    expect(link.getAttribute('href')).toBe('/field?campaign=c1&door=d71');

    // Two doors: a batch, no single door to open.
    await user.click(screen.getByRole('button', { name: 'Porte 7-1, absent' }));
    expect(screen.queryByRole('link', { name: 'Noter une conversation à cette porte' })).toBeNull();
  });

  it('records a batch through the outbox: offline, the doors show at once as waiting, the batch kept with one clientId', async () => {
    const user = userEvent.setup();
    signInAs(Role.ORGANISER);
    const failing: MockLink.MockedResponse = {
      request: { query: LogDoorsVisitMutation, variables: () => true },
      maxUsageCount: Number.POSITIVE_INFINITY,
      error: new TypeError('Failed to fetch'),
    };
    renderApp('/campaigns/c1/turf', { mocks: [...turfMocks, failing] });

    await user.click(await screen.findByRole('button', { name: 'Porte 7-1, absent' }));
    await user.click(screen.getByRole('button', { name: 'Porte 7-2, pas encore frappé' }));
    await user.click(screen.getByRole('button', { name: 'Absent' }));

    expect(await screen.findByText('2 porte(s) gardée(s) sur ce téléphone : envoi dès le retour du réseau.')).toBeTruthy();
    const door = await screen.findByRole('button', { name: 'Porte 7-2, absent, en attente d’envoi' });
    expect(door.getAttribute('data-pending')).toBe('true');
    const waiting = await getOutboxStore().pending();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ kind: 'doors', campaignId: 'c1', input: { doorIds: ['d70', 'd71'], outcome: ConversationOutcome.NOT_HOME } });
    expect(waiting[0]!.clientId).toBe((waiting[0]!.input as { clientId: string }).clientId);
  });
});

describe('assigning buildings', () => {
  const members: MockLink.MockedResponse = {
    request: { query: TurfMembersQuery },
    result: {
      data: {
        members: [
          { __typename: 'User', id: 'u1', displayName: 'Awa', role: Role.ORGANISER },
          { __typename: 'User', id: 'u2', displayName: 'Karim', role: Role.LEADER },
          { __typename: 'User', id: 'u3', displayName: 'Alliée du quartier', role: Role.ALLY },
        ],
      },
    },
  };

  it('an organiser assigns a building to a volunteer: the mutation replaces the assignees, the page shows them', async () => {
    const user = userEvent.setup();
    signInAs(Role.ORGANISER);
    const sent: Array<Record<string, unknown>> = [];
    const assign = {
      request: {
        query: AssignTurfMutation,
        variables: (variables: Record<string, unknown>) => {
          sent.push(variables);
          return true;
        },
      },
      result: { data: { assignTurf: [{ __typename: 'Building', id: 'b1', assignedTo: [{ __typename: 'User', id: 'u2', displayName: 'Karim' }] }] } },
    } as MockLink.MockedResponse;
    renderApp('/campaigns/c1/turf', { mocks: [...turfMocks, members, assign] });

    const building = await screen.findByRole('region', { name: 'Tour Kennedy B' });
    expect(within(building).getByText(/Assigné à personne pour l’instant\./)).toBeTruthy();
    const open = within(building).getByRole('button', { name: 'Assigner Tour Kennedy B' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    await user.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');

    const chooser = await within(building).findByRole('group', { name: 'Qui fait Tour Kennedy B ?' });
    await within(chooser).findByRole('checkbox', { name: 'Karim' });
    // Allies do not walk turf: not offered.
    expect(within(chooser).queryByRole('checkbox', { name: 'Alliée du quartier' })).toBeNull();
    expect((within(chooser).getByRole('checkbox', { name: 'Awa' }) as HTMLInputElement).checked).toBe(false);
    await user.click(within(chooser).getByRole('checkbox', { name: 'Karim' }));
    await user.click(within(building).getByRole('button', { name: 'Enregistrer l’affectation' }));

    expect(await within(building).findByText(/Assigné à : Karim\./)).toBeTruthy();
    expect(within(building).getByRole('status').textContent).toBe('Affectation enregistrée.');
    expect(sent).toEqual([{ buildingIds: ['b1'], userIds: ['u2'] }]);
    expect(within(building).queryByRole('group', { name: 'Qui fait Tour Kennedy B ?' })).toBeNull();
  });

  it('a refusal is shown next to the chooser, which stays open with the choice', async () => {
    const user = userEvent.setup();
    signInAs(Role.LEADER);
    const refused = {
      request: { query: AssignTurfMutation, variables: () => true },
      result: { errors: [{ message: 'userIds: user u2 not found', extensions: { code: 'NOT_FOUND' } }] },
    } as unknown as MockLink.MockedResponse;
    renderApp('/campaigns/c1/turf', { mocks: [...turfMocks, members, refused] });

    const building = await screen.findByRole('region', { name: 'Tour Kennedy B' });
    await user.click(within(building).getByRole('button', { name: 'Assigner Tour Kennedy B' }));
    await user.click(await within(building).findByRole('checkbox', { name: 'Karim' }));
    await user.click(within(building).getByRole('button', { name: 'Enregistrer l’affectation' }));

    expect(await within(building).findByRole('alert')).toBeTruthy();
    expect((within(building).getByRole('checkbox', { name: 'Karim' }) as HTMLInputElement).checked).toBe(true);
    expect(within(building).getByText(/Assigné à personne pour l’instant\./)).toBeTruthy();
  });

  it('someone who may not assign sees the assignees, with no control (English)', async () => {
    expect(mayAssignTurf(Role.ALLY)).toBe(false);
    expect(mayAssignTurf(Role.LEADER)).toBe(true);
    expect(mayAssignTurf(Role.ORGANISER)).toBe(true);
    const client = createApolloClient({ terminatingLink: new Mocks([], { showWarnings: false }) });
    render(
      <I18nProvider initialLocale="en">
        <ApolloProvider client={client}>
          <AssignTurf buildingId="b1" buildingName="Tour Kennedy B" assignedTo={[{ id: 'u2', displayName: 'Karim' }]} canAssign={false} />
        </ApolloProvider>
      </I18nProvider>,
    );
    expect(screen.getByText(/Assigned to: Karim\./)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    await waitFor(() => expect(screen.queryByRole('checkbox')).toBeNull());
  });
});
