import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ActionKind, CampaignStage, Role, WinSize } from '@rapport/shared';
import { renderApp, shellMocks, signInAs } from '../../../test/renderApp';
import { AllyPortalQuery } from '../graphql/allyPortal';
import { webcalUrl } from './AlliesPage';

const portal = {
  upcomingActions: [
    {
      __typename: 'Action',
      id: 'a1',
      title: 'Cortège de la victoire',
      kind: ActionKind.CELEBRATION,
      startsAt: '2099-10-08T09:00:00.000Z',
      location: 'Dalle Kennedy',
      committedCount: 12,
      campaign: { __typename: 'Campaign', id: 'c1', name: 'CPAM Villejean' },
    },
  ],
  winsToCelebrate: [
    {
      __typename: 'Win',
      id: 'w1',
      title: 'Réouverture sur la dalle Kennedy',
      wonAt: '2022-09-15T10:00:00.000Z',
      size: WinSize.MAJOR,
      campaign: { __typename: 'Campaign', id: 'c1', name: 'CPAM Villejean' },
    },
  ],
  turnoutWins: [
    {
      __typename: 'Action',
      id: 'a0',
      title: 'Délégation à la CPAM',
      startsAt: '2022-06-14T08:00:00.000Z',
      turnoutGoal: 30,
      attendedCount: 42,
      campaign: { __typename: 'Campaign', id: 'c1', name: 'CPAM Villejean' },
    },
  ],
  campaigns: [
    {
      __typename: 'Campaign',
      id: 'c1',
      name: 'CPAM Villejean',
      stage: CampaignStage.WON,
      wins: [
        { __typename: 'Win', id: 'w1', title: 'Réouverture sur la dalle Kennedy', wonAt: '2022-09-15T10:00:00.000Z', size: WinSize.MAJOR },
        // Celebrated long ago: not "to celebrate" any more, still one of the big wins.
        { __typename: 'Win', id: 'w0', title: 'Le directeur vient à Villejean', wonAt: '2019-12-01T10:00:00.000Z', size: WinSize.MAJOR },
        { __typename: 'Win', id: 'w2', title: 'Un agent le mardi matin', wonAt: '2018-03-01T10:00:00.000Z', size: WinSize.SMALL },
      ],
    },
  ],
  calendarFeedUrl: 'https://rapport.example/calendar/abc123.ics',
};

describe('/allies', () => {
  it('shows actions open to allies, wins to celebrate, stages and the calendar to subscribe to', async () => {
    signInAs(Role.ALLY);
    renderApp('/allies', { mocks: [{ request: { query: AllyPortalQuery }, result: { data: portal } }] });

    const actions = await screen.findByRole('region', { name: 'Prochaines actions' });
    expect(await within(actions).findByText('Cortège de la victoire')).toBeTruthy();
    expect(within(actions).getByText(/Dalle Kennedy/)).toBeTruthy();
    expect(within(actions).getByText(/Fête · CPAM Villejean · 12 personnes engagées/)).toBeTruthy();
    const calendar = within(actions).getByRole('link', { name: 'S’abonner au calendrier' });
    expect(calendar.getAttribute('href')).toBe('webcal://rapport.example/calendar/abc123.ics');

    // The big wins, celebrated or not, newest first; the small ones are not among them.
    const major = screen.getByRole('region', { name: 'Nos grandes victoires' });
    expect(
      within(major)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('strong')?.textContent),
    ).toEqual(['Réouverture sur la dalle Kennedy', 'Le directeur vient à Villejean']);
    expect(within(major).getByText(/1er décembre 2019/)).toBeTruthy();
    const wins = screen.getByRole('region', { name: 'Victoires à fêter' });
    expect(within(wins).getByText('Réouverture sur la dalle Kennedy')).toBeTruthy();
    const campaigns = screen.getByRole('region', { name: 'Où en sont les campagnes' });
    expect(within(campaigns).getByText('Victoire')).toBeTruthy();

    // An ally's navigation holds the ally view and their account only (no reminders badge, no outbox, no team).
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Allié·es', 'Mon compte']);
  });

  it('lists the turnout goals reached as wins, with the counts only (French and English)', async () => {
    signInAs(Role.ALLY);
    const view = renderApp('/allies', { mocks: [{ request: { query: AllyPortalQuery }, result: { data: portal } }] });
    const turnout = await screen.findByRole('region', { name: 'Objectifs de mobilisation atteints' });
    const [item] = within(turnout).getAllByRole('listitem');
    expect(item!.textContent).toMatch(/^Délégation à la CPAM présent·es : 42 · objectif : 30 CPAM Villejean · 14 juin 2022$/);
    view.unmount();

    renderApp('/allies', { mocks: [{ request: { query: AllyPortalQuery }, result: { data: portal } }, ...shellMocks({ locale: 'en' })], locale: 'en' });
    const english = await screen.findByRole('region', { name: 'Turnout goals reached' });
    expect(within(english).getByText(/attended: 42 · goal: 30/)).toBeTruthy();
  });

  it('shows no turnout block when no goal was reached', async () => {
    signInAs(Role.ALLY);
    renderApp('/allies', { mocks: [{ request: { query: AllyPortalQuery }, result: { data: { ...portal, turnoutWins: [] } } }] });
    await screen.findByRole('region', { name: 'Victoires à fêter' });
    expect(screen.queryByRole('region', { name: 'Objectifs de mobilisation atteints' })).toBeNull();
  });

  it('turns the feed URL into a webcal:// link', () => {
    expect(webcalUrl('http://localhost:3000/calendar/x.ics')).toBe('webcal://localhost:3000/calendar/x.ics');
    expect(webcalUrl('HTTPS://a.example/c')).toBe('webcal://a.example/c');
  });
});
