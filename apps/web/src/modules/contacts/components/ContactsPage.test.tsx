import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { AllyRole, CommitmentStatus, ConversationKind, ConversationOutcome, Role } from '@rapport/shared';
import { renderApp, signInAs } from '../../../test/renderApp';
import { ContactQuery } from '../graphql/contact';
import { ContactsQuery } from '../graphql/contacts';
import { EraseContactMutation } from '../graphql/eraseContact';
import { ExportContactDataMutation } from '../graphql/exportContactData';

const node = (id: string, firstName: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Contact',
  id,
  firstName,
  lastName: null,
  phone: null,
  email: null,
  membershipStatus: 'NEVER',
  street: null,
  building: null,
  neighbourhood: 'Villejean',
  allyRoles: [],
  isLeader: false,
  tags: [],
  ...extra,
});

const connection = (nodes: ReturnType<typeof node>[], total = nodes.length) => ({
  contacts: {
    __typename: 'ContactConnection',
    edges: nodes.map((n) => ({ __typename: 'ContactEdge', cursor: `cur-${n.id}`, node: n })),
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    totalCount: total,
  },
});

const person = {
  __typename: 'Contact',
  id: 'k1',
  firstName: 'Fatou',
  lastName: 'Diallo',
  phone: '+33612345678',
  email: null,
  street: 'Cours Kennedy',
  building: 'B',
  postalCode: '35000',
  city: 'Rennes',
  neighbourhood: 'Villejean',
  languages: ['fr', 'wo'],
  allyRoles: [AllyRole.AFFECTED],
  isLeader: true,
  tags: ['cpam'],
  consentGivenAt: '2020-02-20T10:00:00.000Z',
  createdAt: '2020-02-20T10:00:00.000Z',
  conversations: [
    {
      __typename: 'Conversation',
      id: 'cv1',
      kind: ConversationKind.DOOR_KNOCK,
      outcome: ConversationOutcome.TALKED,
      occurredAt: '2020-02-20T10:00:00.000Z',
      street: 'Cours Kennedy',
      building: 'B',
      door: '34',
      interestLevel: 4,
      leadershipPotential: true,
      selfInterest: 'Ses papiers de santé',
      followUpAt: null,
      notes: 'Prête à venir à la réunion',
      campaign: { __typename: 'Campaign', id: 'c1', name: 'CPAM Villejean' },
      issues: [
        { __typename: 'RaisedIssue', issue: { __typename: 'Issue', id: 'i1', name: "Fermeture de l'antenne" }, intensity: 5, quote: 'Deux heures debout' },
      ],
    },
  ],
  commitments: [
    {
      __typename: 'Commitment',
      id: 'cm1',
      description: 'Venir à la délégation',
      dueAt: '2022-06-23T08:00:00.000Z',
      status: CommitmentStatus.KEPT,
      resolvedAt: null,
      campaign: { __typename: 'Campaign', id: 'c1', name: 'CPAM Villejean' },
    },
  ],
};

const contactMock: MockLink.MockedResponse = {
  request: { query: ContactQuery, variables: { id: 'k1' } },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: { data: { contact: person } },
};

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('/contacts', () => {
  it('searches and filters, with the filter in the address', async () => {
    const user = userEvent.setup();
    signInAs(Role.LEADER);
    const { router } = renderApp('/contacts', {
      mocks: [
        { request: { query: ContactsQuery, variables: { filter: {}, first: 50 } }, result: { data: connection([node('k1', 'Fatou'), node('k2', 'Moussa')]) } },
        {
          request: {
            query: ContactsQuery,
            variables: { filter: { search: 'fatou', allyRole: AllyRole.AFFECTED, isLeader: true, neighbourhood: 'Villejean' }, first: 50 },
          },
          result: { data: connection([node('k1', 'Fatou', { isLeader: true })]) },
        },
      ],
    });
    expect(await screen.findByText('2 personnes')).toBeTruthy();

    await user.type(screen.getByLabelText('Chercher'), 'fatou');
    await user.selectOptions(screen.getByLabelText('Rôle d’allié·e'), AllyRole.AFFECTED);
    await user.click(screen.getByLabelText('Leaders seulement'));
    await user.type(screen.getByLabelText('Quartier'), 'Villejean');
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));

    expect(await screen.findByText('1 personne')).toBeTruthy();
    expect(router.state.location.search).toBe('?search=fatou&allyRole=AFFECTED&leader=1&neighbourhood=Villejean');
    expect(screen.getByRole('link', { name: 'Fatou' }).getAttribute('href')).toBe('/contacts/k1');
  });
});

describe('/contacts/:id', () => {
  it("shows a person's conversations and commitments; a leader may neither export nor erase", async () => {
    signInAs(Role.LEADER);
    renderApp('/contacts/k1', { mocks: [contactMock] });
    expect(await screen.findByRole('heading', { level: 1, name: /Fatou Diallo/ })).toBeTruthy();
    const conversations = screen.getByRole('region', { name: '1 conversation' });
    expect(within(conversations).getByText('Deux heures debout')).toBeTruthy();
    expect(within(conversations).getByText('Prête à venir à la réunion')).toBeTruthy();
    const commitments = screen.getByRole('region', { name: '1 engagement' });
    expect(within(commitments).getByText('promesse tenue')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Exporter/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Effacer/ })).toBeNull();
    // …and is told why, not left looking for a missing button.
    const privacy = screen.getByRole('region', { name: 'Données personnelles' });
    expect(within(privacy).getByText(/réservé aux organisatrices et organisateurs/)).toBeTruthy();
  });

  it('lets an organiser download everything held on the person as JSON', async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:export';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    signInAs(Role.ORGANISER);
    renderApp('/contacts/k1', {
      mocks: [
        contactMock,
        {
          request: { query: ExportContactDataMutation, variables: { contactId: 'k1' } },
          result: { data: { exportContactData: '{"contact":{"firstName":"Fatou"}}' } },
        },
      ],
    });

    await user.click(await screen.findByRole('button', { name: 'Exporter ses données (JSON)' }));

    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('rapport-contact-k1.json');
    expect(JSON.parse(await readText(created[0]!))).toEqual({ contact: { firstName: 'Fatou' } });
  });

  it('erases a person only after an explicit confirmation', async () => {
    const user = userEvent.setup();
    const erase = vi.fn(() => ({ data: { eraseContact: true } }));
    signInAs(Role.ORGANISER);
    const { router } = renderApp('/contacts/k1', {
      mocks: [
        contactMock,
        { request: { query: EraseContactMutation, variables: { contactId: 'k1' } }, result: erase },
        { request: { query: ContactsQuery, variables: { filter: {}, first: 50 } }, result: { data: connection([node('k2', 'Moussa')]) } },
      ],
    });

    await user.click(await screen.findByRole('button', { name: 'Effacer cette personne' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Effacer Fatou Diallo ?' });
    await waitFor(() => expect(document.activeElement).toBe(dialog));
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(erase).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Effacer cette personne' }));
    await user.click(screen.getByRole('button', { name: 'Oui, effacer définitivement' }));

    expect(await screen.findByText('La personne a été effacée. Les chiffres de la campagne restent.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/contacts');
    expect(erase).toHaveBeenCalledTimes(1);
  });
});
