import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { ActionKind, CampaignStage, NegotiationStatus, Role, Visibility, WinSize } from '@rapport/shared';
import { renderApp, shellMocks, signInAs } from '../../../test/renderApp';
import { CampaignDashboardQuery } from '../graphql/campaignDashboard';
import { ListeningReportQuery } from '../graphql/listeningReport';
import { CampaignWorkspaceQuery } from '../graphql/workspace';
import { BuildingProgressQuery } from '../../turf/graphql/turf';

const tally = (id: string, name: string, mentions: number, contacts: number, averageIntensity: number) => ({
  __typename: 'IssueTally',
  issue: { __typename: 'Issue', id, name },
  mentions,
  contacts,
  averageIntensity,
});
// The listening report adds, per issue, the consented quotes and the cases on the same issue.
const reportTally = (
  id: string,
  name: string,
  mentions: number,
  contacts: number,
  averageIntensity: number,
  quotes: string[],
  cases: number,
  resolved: number,
) => ({
  ...tally(id, name, mentions, contacts, averageIntensity),
  quotes,
  cases: { __typename: 'CaseEvidence', cases, people: cases, resolved, open: cases - resolved },
});
const evidence = {
  __typename: 'CaseEvidence',
  cases: 31,
  people: 28,
  open: 14,
  resolved: 12,
  unresolved: 5,
  medianDaysToClose: 47,
  recoveredCents: 845000,
  byAgency: [
    { __typename: 'AgencyTally', agency: 'CAF', cases: 19, open: 9, resolved: 7, unresolved: 3 },
    { __typename: 'AgencyTally', agency: 'CPAM', cases: 12, open: 5, resolved: 5, unresolved: 2 },
  ],
  quotes: ['Prestations suspendues après un contrôle'],
};
const counts = (rows: Record<string, number>) => Object.entries(rows).map(([status, count]) => ({ __typename: 'CountByStatus', status, count }));

const progress = {
  __typename: 'CampaignProgress',
  campaign: {
    __typename: 'Campaign',
    id: 'c1',
    name: "Réouverture de l'antenne CPAM de Villejean",
    goal: 'Un accueil de la Sécurité sociale dans le quartier',
    startedAt: '2016-08-31T22:00:00.000Z',
    evidence,
    stageHistory: [
      { __typename: 'StageChange', stage: CampaignStage.LISTENING, enteredAt: '2016-08-31T22:00:00.000Z', note: 'Un collectif se forme.' },
      { __typename: 'StageChange', stage: CampaignStage.DEMANDS, enteredAt: '2020-03-09T23:00:00.000Z', note: null },
      { __typename: 'StageChange', stage: CampaignStage.ACTION, enteredAt: '2022-05-31T22:00:00.000Z', note: null },
    ],
    negotiations: [
      {
        __typename: 'Negotiation',
        id: 'n1',
        scheduledAt: '2022-07-07T12:00:00.000Z',
        status: NegotiationStatus.HELD,
        decisionMakers: [{ __typename: 'DecisionMaker', id: 'd1', name: 'Directeur, CPAM' }],
      },
    ],
  },
  stage: CampaignStage.ACTION,
  daysInStage: 12,
  doorsKnocked: 60,
  conversationsHeld: 42,
  oneToOnes: 8,
  contactsReached: 40,
  leadersIdentified: 3,
  topIssues: [tally('i1', "Fermeture de l'antenne", 17, 17, 4.5), tally('i2', 'Démarches uniquement en ligne', 9, 9, 3)],
  demandsByStatus: counts({ PRESENTED: 1, DRAFT: 2 }),
  upcomingActions: [
    {
      __typename: 'Action',
      id: 'a1',
      title: 'Irruption à la journée innovation en santé',
      kind: ActionKind.DIRECT_ACTION,
      startsAt: '2099-06-23T08:00:00.000Z',
      location: 'Rennes',
      turnoutGoal: 25,
      committedCount: 32,
      visibility: Visibility.ALLIES,
    },
  ],
  commitmentsByStatus: counts({ OPEN: 2, KEPT: 5 }),
  decisionMakerCommitmentsByStatus: counts({ BROKEN: 1, KEPT: 1 }),
  overdueFollowUps: 2,
  wins: [
    { __typename: 'Win', id: 'w1', title: 'Rendez-vous obtenu avec la direction', wonAt: '2022-06-23T10:00:00.000Z', size: WinSize.SMALL, celebrated: false },
    { __typename: 'Win', id: 'w2', title: 'Réouverture sur la dalle Kennedy', wonAt: '2022-09-15T10:00:00.000Z', size: WinSize.MAJOR, celebrated: true },
  ],
  conversationsPerWeek: [
    { __typename: 'WeeklyCount', weekStart: '2020-02-16T23:00:00.000Z', count: 60 },
    { __typename: 'WeeklyCount', weekStart: '2020-03-01T23:00:00.000Z', count: 8 },
  ],
};

const workspace = {
  campaign: {
    __typename: 'Campaign',
    id: 'c1',
    name: "Réouverture de l'antenne CPAM de Villejean",
    stage: CampaignStage.ACTION,
    demands: [
      {
        __typename: 'Demand',
        id: 'dm1',
        title: 'Un accueil physique à Villejean',
        status: 'PRESENTED',
        deadline: null,
        target: { __typename: 'DecisionMaker', id: 'd1', name: 'Directeur, CPAM' },
      },
    ],
    actions: [
      {
        __typename: 'Action',
        id: 'a0',
        title: 'Rassemblement devant la CPAM',
        kind: ActionKind.DIRECT_ACTION,
        startsAt: '2022-06-01T08:00:00.000Z',
        location: 'Rennes',
        turnoutGoal: 40,
        visibility: Visibility.TEAM,
        outcome: null,
        committedCount: 35,
        attendedCount: 28,
      },
    ],
    negotiations: [
      {
        __typename: 'Negotiation',
        id: 'n1',
        scheduledAt: '2022-07-07T12:00:00.000Z',
        status: NegotiationStatus.HELD,
        report: null,
        decisionMakers: [{ __typename: 'DecisionMaker', id: 'd1', name: 'Directeur, CPAM' }],
        commitments: [],
      },
    ],
  },
  decisionMakers: [{ __typename: 'DecisionMaker', id: 'd1', name: 'Directeur, CPAM', title: 'Directeur', institution: 'CPAM', power: 5, stance: -1 }],
  commitments: [],
};

const mocks: MockLink.MockedResponse[] = [
  { request: { query: CampaignWorkspaceQuery, variables: { campaignId: 'c1' } }, result: { data: workspace } },
  { request: { query: CampaignDashboardQuery, variables: { campaignId: 'c1' } }, result: { data: { campaignProgress: progress } } },
  {
    request: { query: BuildingProgressQuery, variables: { campaignId: 'c1' } },
    result: {
      data: {
        buildings: [
          { __typename: 'Building', id: 'b1', street: 'Cours Kennedy', number: '12', name: 'Tour Kennedy B', doorCount: 128, knocked: 40, talked: 9 },
          { __typename: 'Building', id: 'b2', street: 'Rue de Bourgogne', number: '3', name: null, doorCount: 24, knocked: 0, talked: 0 },
        ],
      },
    },
  },
  {
    request: { query: ListeningReportQuery, variables: { campaignId: 'c1' } },
    result: {
      data: {
        listeningReport: [
          reportTally('i1', "Fermeture de l'antenne", 17, 17, 4.5, ['Deux heures debout à la Gare'], 12, 8),
          reportTally('i2', 'Démarches uniquement en ligne', 9, 9, 3, [], 0, 0),
          reportTally('i3', 'Pas d’ordinateur', 2, 2, 2, [], 3, 1),
        ],
      },
    },
  },
];

async function openDashboard() {
  signInAs(Role.ORGANISER);
  const view = renderApp('/campaigns/c1', { mocks });
  await screen.findByRole('heading', { level: 1, name: "Réouverture de l'antenne CPAM de Villejean" });
  return view;
}

const figure = (container: HTMLElement, name: string) => container.querySelector(`[data-figure="${name}"] dd`)?.textContent;

describe('the campaign dashboard', () => {
  it('shows the listening figures of campaignProgress', async () => {
    const { container } = await openDashboard();
    expect(figure(container, 'doorsKnocked')).toBe('60');
    expect(figure(container, 'conversationsHeld')).toBe('42');
    expect(figure(container, 'oneToOnes')).toBe('8');
    expect(figure(container, 'contactsReached')).toBe('40');
    expect(figure(container, 'leadersIdentified')).toBe('3');
    const listening = screen.getByRole('region', { name: 'Écoute' });
    expect(within(listening).getByText('Portes frappées')).toBeTruthy();
  });

  it('steps through the stages, marks the current one with its time, and keeps the history', async () => {
    const { container } = await openDashboard();
    const steps = [...container.querySelectorAll('.stepper li')];
    expect(steps.map((s) => s.querySelector('.step-name')?.textContent)).toEqual(['Écoute', 'Revendications', 'Action', 'Négociation', 'Victoire']);
    expect(steps[2]!.getAttribute('aria-current')).toBe('step');
    expect(steps[0]!.className).toContain('step-done');
    expect(steps[3]!.className).toContain('step-todo');
    // The same date as on the campaigns list: the day the campaign entered its stage.
    expect(container.querySelector('[data-figure="daysInStage"]')?.textContent).toMatch(/Action depuis le 31 mai 2022 \(12 jours\)/);
    expect(screen.getByText('Historique (3 changements)')).toBeTruthy();
    expect(screen.getByText('Un collectif se forme.')).toBeTruthy();
  });

  it('draws the charts in SVG, lazily, with the listening report behind them', async () => {
    await openDashboard();
    // Says what it counts: every visit, talked or not (the "Portes frappées" tile is doors only).
    const perWeek = await screen.findByRole('img', { name: /Passages par semaine/ });
    expect(perWeek.tagName.toLowerCase()).toBe('svg');
    expect(screen.getByText(/qu’on ait parlé ou non/)).toBeTruthy();
    // The whole campaign, from its start (2016) to today, empty weeks at zero: far more than 52 bars.
    const bars = perWeek.querySelectorAll('rect');
    expect(bars.length).toBeGreaterThan(52 * 5);
    expect([...bars].filter((bar) => Number(bar.getAttribute('height')) > 0)).toHaveLength(2);
    // Each tile says what it counts.
    expect(screen.getByText('Toutes les portes, ouvertes ou non')).toBeTruthy();
    expect(screen.getByText('On a parlé : porte, tête-à-tête ou appel')).toBeTruthy();
    const issues = await screen.findByRole('img', { name: /Colères les plus citées/ });
    expect(issues.querySelectorAll('rect')).toHaveLength(2);
    expect(issues.textContent).toContain('17 · colère 4,5/5');

    const report = await screen.findByRole('region', { name: 'Rapport d’écoute complet' });
    const rows = within(report).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[3]!).getByRole('rowheader').textContent).toBe('Pas d’ordinateur');
    // Beside the conversations: the cases on the same issue, and what consenting people said.
    expect(within(report).getByRole('columnheader', { name: 'Dossiers des permanences' })).toBeTruthy();
    expect(rows[1]!.textContent).toContain('12 (8 résolus)');
    expect(rows[1]!.querySelector('q')?.textContent).toBe('Deux heures debout à la Gare');
    expect(rows[2]!.querySelector('q')).toBeNull();
    expect(rows[3]!.textContent).toContain('3 (1 résolus)');
  });

  it('shows the figures of the cases linked to the campaign, counted without a name', async () => {
    const { container } = await openDashboard();
    const section = screen.getByRole('region', { name: 'Dossiers des permanences liés à la campagne' });
    expect(figure(container, 'evidence-cases')).toBe('31');
    expect(figure(container, 'evidence-people')).toBe('28');
    expect(figure(container, 'evidence-resolved')).toBe('12');
    expect(figure(container, 'evidence-open')).toBe('14');
    expect(figure(container, 'evidence-medianDays')).toBe('47,0 jours');
    expect(figure(container, 'evidence-recovered')?.replace(/\s/g, ' ')).toBe('8 450 €');
    const rows = within(section).getAllByRole('row');
    expect(rows.map((r) => within(r).queryByRole('rowheader')?.textContent ?? null)).toEqual([null, 'CAF', 'CPAM']);
    // The dashboard leaves the quotes to the listening report and the brief.
    expect(within(section).queryByText('Prestations suspendues après un contrôle')).toBeNull();
  });

  it('counts demands, actions with their turnout, commitments kept/broken/open, overdue, and wins to celebrate', async () => {
    const { container } = await openDashboard();
    expect(figure(container, 'demands-PRESENTED')).toBe('1');
    expect(figure(container, 'demands-DRAFT')).toBe('2');
    expect(container.querySelector('[data-figure="demands-WON"]')).toBeNull();

    expect(screen.getByText('Irruption à la journée innovation en santé')).toBeTruthy();
    expect(screen.getByText('32 engagé·es pour un objectif de 25')).toBeTruthy();

    const cell = (row: string, status: string) => container.querySelector(`tr[data-row="${row}"] td[data-status="${status}"]`)?.textContent;
    expect([cell('contacts', 'KEPT'), cell('contacts', 'BROKEN'), cell('contacts', 'OPEN')]).toEqual(['5', '0', '2']);
    expect([cell('decisionMakers', 'KEPT'), cell('decisionMakers', 'BROKEN'), cell('decisionMakers', 'OPEN')]).toEqual(['1', '1', '0']);
    expect(container.querySelector('[data-figure="overdueFollowUps"]')?.textContent).toContain('2 engagements en retard');

    expect(container.querySelector('[data-figure="toCelebrate"]')?.textContent).toBe('1 victoire à fêter.');
    expect(screen.getByText('Rendez-vous obtenu avec la direction').closest('li')?.textContent).toContain('à fêter');
    expect(screen.getByText('Réouverture sur la dalle Kennedy').closest('li')?.textContent).not.toContain('à fêter');
  });

  it('shows per building the doors knocked and talked, linking to the turf page', async () => {
    await openDashboard();
    const section = await screen.findByRole('region', { name: 'Immeubles' });
    await within(section).findByRole('rowheader', { name: 'Tour Kennedy B' });
    const row = (name: string) => within(section).getByRole('rowheader', { name }).closest('tr')!;
    const figures = (tr: HTMLElement) => [...tr.querySelectorAll('td')].map((td) => td.textContent);
    expect(figures(row('Tour Kennedy B'))).toEqual(['40', '9', '128']);
    expect(figures(row('3 Rue de Bourgogne'))).toEqual(['0', '0', '24']);
    expect(within(section).getByRole('link', { name: 'Tour Kennedy B' }).getAttribute('href')).toBe('/campaigns/c1/turf');
  });

  it('shows a past action with a goal as attended vs committed vs goal', async () => {
    const { container } = await openDashboard();
    await waitFor(() =>
      expect(container.querySelector('[data-action="a0"] [data-figure="turnout"]')?.textContent).toBe('présent·es : 28 · engagé·es : 35 · objectif : 40'),
    );
  });

  it('links to the field form for this campaign and to each negotiation brief', async () => {
    await openDashboard();
    expect(screen.getByRole('link', { name: 'Saisir des conversations' }).getAttribute('href')).toBe('/field?campaign=c1');
    expect(screen.getByRole('link', { name: /Préparer la rencontre du 7 juillet 2022/ }).getAttribute('href')).toBe('/negotiations/n1/brief');
  });

  it('reads in English when the member chose English (me.locale), whatever this device said before', async () => {
    signInAs(Role.ORGANISER);
    renderApp('/campaigns/c1', { mocks: [...mocks, ...shellMocks({ locale: 'en' })], locale: 'fr' });
    // The listening figure, and the turf section's own label once its code is there.
    expect((await screen.findAllByText('Doors knocked')).length).toBeGreaterThan(0);
    expect(screen.getByText(/Action since 31 May 2022/)).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });
});
