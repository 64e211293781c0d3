import { describe, expect, it, vi } from 'vitest';

// Typing with user-event on a loaded machine (2 shared cores) takes seconds.
vi.setConfig({ testTimeout: 20_000 });
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { CampaignStage, CommitmentStatus, DemandStatus, ParticipationStatus, Role, Visibility, ActionKind, WinSize } from '@rapport/shared';
import { renderApp, signInAs } from '../../../../test/renderApp';
import { ActionPageQuery, RecordActionOutcomeMutation, SetParticipationMutation } from '../../../actions/graphql/actions';
import { calendarLinks, httpsUrl } from '../../../allies/components/AlliesPage';
import { CreateContactMutation } from '../../../contacts/graphql/saveContact';
import { SearchContactsQuery } from '../../../contacts/graphql/searchContacts';
import { CampaignDashboardQuery } from '../../graphql/campaignDashboard';
import { CampaignsQuery } from '../../graphql/campaigns';
import { ListeningReportQuery } from '../../graphql/listeningReport';
import {
  CampaignWorkspaceQuery,
  CreateCampaignMutation,
  CreateDemandMutation,
  MarkWinCelebratedMutation,
  ResolveCommitmentMutation,
  UpdateDecisionMakerMutation,
} from '../../graphql/workspace';

const EMPTY_EVIDENCE = {
  __typename: 'CaseEvidence',
  cases: 0,
  people: 0,
  open: 0,
  resolved: 0,
  unresolved: 0,
  medianDaysToClose: null,
  recoveredCents: 0,
  byAgency: [],
  quotes: [],
};
const always = { maxUsageCount: Number.POSITIVE_INFINITY };
const dm = { __typename: 'DecisionMaker', id: 'd1', name: 'Directrice, Archipel Habitat' };

const progress = {
  __typename: 'CampaignProgress',
  campaign: {
    __typename: 'Campaign',
    id: 'c1',
    name: 'Ascenseurs',
    goal: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    stageHistory: [],
    negotiations: [],
    evidence: EMPTY_EVIDENCE,
  },
  stage: CampaignStage.ACTION,
  daysInStage: 3,
  doorsKnocked: 0,
  conversationsHeld: 0,
  oneToOnes: 0,
  contactsReached: 0,
  leadersIdentified: 0,
  topIssues: [],
  demandsByStatus: [],
  upcomingActions: [],
  commitmentsByStatus: [],
  decisionMakerCommitmentsByStatus: [{ __typename: 'CountByStatus', status: 'OPEN', count: 1 }],
  overdueFollowUps: 0,
  wins: [{ __typename: 'Win', id: 'w1', title: 'Un ascenseur réparé', wonAt: '2026-02-01T10:00:00.000Z', size: WinSize.SMALL, celebrated: false }],
  conversationsPerWeek: [],
};

const workspace = {
  campaign: { __typename: 'Campaign', id: 'c1', name: 'Ascenseurs', stage: CampaignStage.ACTION, demands: [], actions: [], negotiations: [] },
  decisionMakers: [{ ...dm, title: 'Directrice', institution: 'Archipel Habitat', power: 4, stance: -1 }],
  commitments: [
    {
      __typename: 'Commitment',
      id: 'k1',
      description: 'Un devis sous quinze jours',
      dueAt: '2099-03-01T10:00:00.000Z',
      status: CommitmentStatus.OPEN,
      resolutionNote: null,
      contact: null,
      decisionMaker: dm,
    },
  ],
};

const dashboardMocks: MockLink.MockedResponse[] = [
  { request: { query: CampaignDashboardQuery, variables: { campaignId: 'c1' } }, ...always, result: { data: { campaignProgress: progress } } },
  { request: { query: CampaignWorkspaceQuery, variables: { campaignId: 'c1' } }, ...always, result: { data: workspace } },
  { request: { query: ListeningReportQuery, variables: { campaignId: 'c1' } }, ...always, result: { data: { listeningReport: [] } } },
];

async function openDashboard(mocks: MockLink.MockedResponse[]) {
  signInAs(Role.ORGANISER);
  const view = renderApp('/campaigns/c1', { mocks: [...mocks, ...dashboardMocks] });
  await screen.findByRole('heading', { level: 1, name: 'Ascenseurs' });
  return view;
}

describe('the dashboard acts', () => {
  it('adds a demand with its target; a refusal sits next to its field and keeps what was typed', async () => {
    const user = userEvent.setup();
    const input = { campaignId: 'c1', title: 'Réparer les ascenseurs', targetId: 'd1', deadline: null };
    const created = vi.fn(() => ({ data: { createDemand: { __typename: 'Demand', id: 'dem1', title: input.title, status: DemandStatus.DRAFT } } }));
    await openDashboard([
      {
        request: { query: CreateDemandMutation, variables: { input } },
        result: { errors: [{ message: 'input.title: must be at most 5 characters (got 22)', extensions: { code: 'BAD_USER_INPUT', field: 'input.title' } }] },
      },
      { request: { query: CreateDemandMutation, variables: { input } }, result: created },
    ]);
    const demands = screen.getByRole('region', { name: 'Revendications' });
    await user.click(within(demands).getByRole('button', { name: 'Ajouter une revendication' }));
    const title = within(demands).getByLabelText('Revendication');
    expect(document.activeElement).toBe(title);
    await user.type(title, input.title);
    await user.selectOptions(within(demands).getByLabelText('Décideur·se visé·e'), 'd1');
    await user.click(within(demands).getByRole('button', { name: 'Ajouter la revendication' }));

    expect(await within(demands).findByText('5 caractères au plus.')).toBeTruthy();
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect((title as HTMLInputElement).value).toBe(input.title);
    expect((within(demands).getByLabelText('Décideur·se visé·e') as HTMLSelectElement).value).toBe('d1');

    await user.click(within(demands).getByRole('button', { name: 'Ajouter la revendication' }));
    await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
    // Done: the form closes, its button is back.
    expect(await within(demands).findByRole('button', { name: 'Ajouter une revendication' })).toBeTruthy();
  });

  it('marks a decision-maker’s promise broken, with a note', async () => {
    const user = userEvent.setup();
    const resolved = vi.fn(() => ({
      data: {
        resolveCommitment: {
          __typename: 'Commitment',
          id: 'k1',
          status: CommitmentStatus.BROKEN,
          resolutionNote: 'Rien reçu',
          resolvedAt: '2026-03-02T10:00:00.000Z',
        },
      },
    }));
    await openDashboard([
      { request: { query: ResolveCommitmentMutation, variables: { id: 'k1', status: CommitmentStatus.BROKEN, note: 'Rien reçu' } }, result: resolved },
    ]);
    const item = (await screen.findByText('Un devis sous quinze jours', { exact: false })).closest('li')!;
    expect(item.textContent).toContain('Directrice, Archipel Habitat');
    await user.type(within(item).getByLabelText(/Note sur la promesse de Directrice/), 'Rien reçu');
    await user.click(within(item).getByRole('button', { name: 'Rompue' }));
    await waitFor(() => expect(resolved).toHaveBeenCalledTimes(1));
  });

  it('edits a decision-maker in place: the form starts from what is known, the stance moves', async () => {
    const user = userEvent.setup();
    const input = { name: 'Directrice, Archipel Habitat', title: 'Directrice', institution: 'Archipel Habitat', power: 4, stance: 1 };
    const updated = vi.fn(() => ({ data: { updateDecisionMaker: { __typename: 'DecisionMaker', id: 'd1', ...input } } }));
    await openDashboard([{ request: { query: UpdateDecisionMakerMutation, variables: { id: 'd1', input } }, result: updated }]);
    const section = screen.getByRole('region', { name: 'Décideur·ses' });
    await user.click(within(section).getByRole('button', { name: 'Modifier la fiche de Directrice, Archipel Habitat' }));
    expect((within(section).getByLabelText('Fonction') as HTMLInputElement).value).toBe('Directrice');
    await user.selectOptions(within(section).getByLabelText('Position'), '1');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(updated).toHaveBeenCalledTimes(1));
  });

  it('celebrates a win at once (optimistic) and asks the API', async () => {
    const user = userEvent.setup();
    const celebrated = vi.fn(() => ({
      data: { markWinCelebrated: { __typename: 'Win', id: 'w1', celebrated: true, celebratedAt: '2026-03-02T10:00:00.000Z' } },
    }));
    await openDashboard([{ request: { query: MarkWinCelebratedMutation, variables: { id: 'w1' } }, result: celebrated }]);
    const wins = screen.getByRole('region', { name: 'Victoires' });
    await user.click(within(wins).getByRole('button', { name: 'Fêtée ! (Un ascenseur réparé)' }));
    expect(await within(wins).findByText('fêtée')).toBeTruthy();
    await waitFor(() => expect(celebrated).toHaveBeenCalledTimes(1));
  });
});

describe('a new campaign', () => {
  it('is created from /campaigns and opens on its dashboard', async () => {
    const user = userEvent.setup();
    signInAs(Role.ORGANISER);
    const { router } = renderApp('/campaigns', {
      mocks: [
        { request: { query: CampaignsQuery }, ...always, result: { data: { campaigns: [] } } },
        {
          request: { query: CreateCampaignMutation, variables: { input: { name: 'Ascenseurs', goal: null, startedAt: null } } },
          result: {
            data: {
              createCampaign: {
                __typename: 'Campaign',
                id: 'c1',
                name: 'Ascenseurs',
                goal: null,
                stage: CampaignStage.LISTENING,
                startedAt: '2026-03-02T10:00:00.000Z',
              },
            },
          },
        },
        ...dashboardMocks,
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Nouvelle campagne' }));
    await user.type(screen.getByLabelText('Nom de la campagne'), 'Ascenseurs');
    await user.click(screen.getByRole('button', { name: 'Créer la campagne' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/campaigns/c1'));
  });
});

const action = {
  __typename: 'Action',
  id: 'a1',
  title: 'Délégation chez le bailleur',
  kind: ActionKind.DELEGATION,
  startsAt: '2099-06-23T16:00:00.000Z',
  location: 'Agence Archipel',
  turnoutGoal: 10,
  visibility: Visibility.ALLIES,
  outcome: null,
  committedCount: 0,
  attendedCount: 0,
  target: dm,
  participants: [
    {
      __typename: 'ActionParticipant',
      status: ParticipationStatus.INVITED,
      contact: { __typename: 'Contact', id: 'p1', firstName: 'Fatou', lastName: 'Diallo', phone: '06 12 34 56 78' },
    },
  ],
};

describe('/actions/:id', () => {
  it('invites a person found by search, sets who committed, records the outcome', async () => {
    const user = userEvent.setup();
    const invited = vi.fn(() => ({
      data: { setParticipation: { __typename: 'ActionParticipant', status: ParticipationStatus.INVITED, contact: { __typename: 'Contact', id: 'p2' } } },
    }));
    const committed = vi.fn(() => ({
      data: { setParticipation: { __typename: 'ActionParticipant', status: ParticipationStatus.COMMITTED, contact: { __typename: 'Contact', id: 'p1' } } },
    }));
    const outcome = vi.fn(() => ({ data: { recordActionOutcome: { __typename: 'Action', id: 'a1', outcome: 'Reçus' } } }));
    signInAs(Role.LEADER);
    renderApp('/actions/a1', {
      mocks: [
        {
          request: { query: ActionPageQuery, variables: { id: 'a1' } },
          ...always,
          result: { data: { action: { ...action, campaign: { __typename: 'Campaign', id: 'c1', name: 'Ascenseurs' } } } },
        },
        {
          request: { query: SearchContactsQuery, variables: { search: 'Mar', first: 8 } },
          result: {
            data: {
              contacts: {
                __typename: 'ContactConnection',
                edges: [
                  {
                    __typename: 'ContactEdge',
                    node: { __typename: 'Contact', id: 'p2', firstName: 'Jean', lastName: 'Martin', phone: null, street: null, building: null },
                  },
                ],
              },
            },
          },
        },
        { request: { query: SetParticipationMutation, variables: { actionId: 'a1', contactId: 'p2', status: ParticipationStatus.INVITED } }, result: invited },
        {
          request: { query: SetParticipationMutation, variables: { actionId: 'a1', contactId: 'p1', status: ParticipationStatus.COMMITTED } },
          result: committed,
        },
        { request: { query: RecordActionOutcomeMutation, variables: { actionId: 'a1', outcome: 'Reçus' } }, result: outcome },
      ],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Délégation chez le bailleur' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Fatou Diallo' }).getAttribute('href')).toBe('/contacts/p1');

    await user.type(screen.getByLabelText('Inviter quelqu’un : chercher'), 'Mar');
    await user.click(await screen.findByRole('button', { name: /Jean Martin/ }));
    await waitFor(() => expect(invited).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Jean Martin est invité·e.')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Réponse de Fatou Diallo'), ParticipationStatus.COMMITTED);
    await waitFor(() => expect(committed).toHaveBeenCalledTimes(1));

    await user.type(screen.getByLabelText('Ce qui s’est passé'), 'Reçus');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le bilan' }));
    expect(await screen.findByText('Bilan enregistré.')).toBeTruthy();
    expect(outcome).toHaveBeenCalledTimes(1);
  });
});

describe('/contacts/new', () => {
  it('shows a wrong phone next to its field, keeps every field, then saves the person', async () => {
    const user = userEvent.setup();
    const saved = vi.fn(() => ({ data: { createContact: { __typename: 'Contact', id: 'p9', firstName: 'Fatou', lastName: 'Diallo' } } }));
    signInAs(Role.ORGANISER);
    const { router } = renderApp('/contacts/new', {
      mocks: [
        {
          request: { query: CreateContactMutation, variables: (v: Record<string, any>) => v['input'].phone === '12' },
          result: {
            errors: [
              { message: 'input.phone: must be a valid phone number, such as 06 12 34 56 78', extensions: { code: 'BAD_USER_INPUT', field: 'input.phone' } },
            ],
          },
        },
        {
          request: {
            query: CreateContactMutation,
            variables: (v: Record<string, any>) => {
              const input = v['input'];
              return (
                input.phone === '06 12 34 56 78' &&
                input.firstName === 'Fatou' &&
                input.building === 'B' &&
                input.email === null &&
                input.languages.join('|') === 'français|wolof' &&
                input.allyRoles.join('|') === 'AFFECTED' &&
                input.consentGivenAt === null
              );
            },
          },
          result: saved,
        },
      ] as MockLink.MockedResponse[],
    });
    await user.type(await screen.findByLabelText('Prénom'), 'Fatou');
    await user.type(screen.getByLabelText('Nom'), 'Diallo');
    await user.type(screen.getByLabelText('Téléphone'), '12');
    await user.type(screen.getByLabelText('Bâtiment'), 'B');
    await user.type(screen.getByLabelText('Langues parlées'), 'français, wolof');
    await user.click(screen.getByLabelText('Concerné·e'));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la personne' }));

    const phone = screen.getByLabelText('Téléphone') as HTMLInputElement;
    expect(await screen.findByText(/Un numéro de téléphone valide/)).toBeTruthy();
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText('Prénom') as HTMLInputElement).value).toBe('Fatou');
    expect((screen.getByLabelText('Langues parlées') as HTMLInputElement).value).toBe('français, wolof');
    expect((screen.getByLabelText('Concerné·e') as HTMLInputElement).checked).toBe(true);

    await user.clear(phone);
    await user.type(phone, '06 12 34 56 78');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la personne' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/contacts/p9'));
    expect(saved).toHaveBeenCalledTimes(1);
  });
});

describe('the ally calendar', () => {
  it('offers the https feed and Google / Outlook links beside webcal://', () => {
    expect(httpsUrl('webcal://rapport.example/calendar/abc.ics')).toBe('https://rapport.example/calendar/abc.ics');
    const links = calendarLinks('https://rapport.example/calendar/abc.ics', 'Actions');
    expect(links.find((l) => l.id === 'google')?.href).toBe('https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Frapport.example%2Fcalendar%2Fabc.ics');
    expect(links.find((l) => l.id === 'outlook')?.href).toBe(
      'https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Frapport.example%2Fcalendar%2Fabc.ics&name=Actions',
    );
  });
});
