import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { ConversationOutcome, Role } from '@rapport/shared';
import { renderApp, signInAs } from '../../../test/renderApp';
import { getOutboxStore } from '../../field/outbox/outbox';
import { BuildingsQuery, LogDoorsVisitMutation, RevisitListQuery } from '../graphql/turf';

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
