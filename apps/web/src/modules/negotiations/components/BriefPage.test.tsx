import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { ArgumentKind, CommitmentStatus, DemandStatus, NegotiationRole, NegotiationStatus, Role } from '@rapport/shared';
import type { BriefInput } from '../../../gql/graphql';
import { renderApp, signInAs } from '../../../test/renderApp';
import { NegotiationBriefQuery } from '../graphql/negotiationBrief';
import { UpdateBriefMutation } from '../graphql/updateBrief';

const brief = {
  __typename: 'NegotiationBrief',
  negotiation: {
    __typename: 'Negotiation',
    id: 'n1',
    scheduledAt: '2022-07-07T12:00:00.000Z',
    status: NegotiationStatus.PLANNED,
    campaign: {
      __typename: 'Campaign',
      id: 'c1',
      name: "Réouverture de l'antenne CPAM",
      demands: [
        {
          __typename: 'Demand',
          id: 'dem1',
          title: "Rouvrir l'antenne de Villejean",
          status: DemandStatus.PRESENTED,
          target: { __typename: 'DecisionMaker', id: 'd1', name: 'Directeur, CPAM' },
        },
        { __typename: 'Demand', id: 'dem2', title: 'Accueil sans rendez-vous', status: DemandStatus.DRAFT, target: null },
      ],
    },
    decisionMakers: [{ __typename: 'DecisionMaker', id: 'd1', name: 'Directeur, CPAM', title: 'Directeur', institution: 'CPAM 35' }],
  },
  objective: "Date de réouverture de l'antenne",
  demands: [{ __typename: 'Demand', id: 'dem1', title: "Rouvrir l'antenne de Villejean", status: DemandStatus.PRESENTED }],
  ourLeverage: '30 personnes mobilisées',
  theirInterests: 'Image publique',
  fallback: 'Un autre local sur la dalle',
  ifNoAgreement: 'Nouvelle action à la rentrée',
  arguments: [{ __typename: 'BriefArgument', kind: ArgumentKind.COST, text: 'Deux heures de bus pour la Gare' }],
  roles: [
    { __typename: 'BriefRole', role: NegotiationRole.SPOKESPERSON, contact: { __typename: 'Contact', id: 'k1', firstName: 'Fatou', lastName: 'Diallo' } },
  ],
  testimonies: [
    { __typename: 'RaisedIssue', issue: { __typename: 'Issue', id: 'i1', name: "Fermeture de l'antenne" }, intensity: 5, quote: 'Deux heures debout' },
  ],
  evidence: {
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
    quotes: ['Prestations suspendues après un contrôle, rétablies en six semaines'],
  },
  decisionMakerHistory: [
    {
      __typename: 'Commitment',
      id: 'cm1',
      description: 'Réouverture au plus tard en janvier 2021',
      dueAt: '2021-01-31T22:59:00.000Z',
      status: CommitmentStatus.BROKEN,
      resolvedAt: '2021-02-01T10:00:00.000Z',
      decisionMaker: { __typename: 'DecisionMaker', id: 'd0', name: 'Directrice générale' },
    },
  ],
};

const briefQuery: MockLink.MockedResponse = {
  request: { query: NegotiationBriefQuery, variables: { negotiationId: 'n1' } },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: { data: { negotiationBrief: brief } },
};

async function openBrief(extra: MockLink.MockedResponse[] = []) {
  signInAs(Role.LEADER);
  const view = renderApp('/negotiations/n1/brief', { mocks: [briefQuery, ...extra] });
  await screen.findByLabelText('Objectif');
  return view;
}

describe('the negotiation brief', () => {
  it('shows the evidence from the permanences beside the testimonies', async () => {
    await openBrief();
    const section = screen.getByRole('region', { name: 'Évidence de nos permanences' });
    expect(within(section).getByText('Prestations suspendues après un contrôle, rétablies en six semaines')).toBeTruthy();
    expect(within(section).getByRole('rowheader', { name: 'CAF' })).toBeTruthy();
  });

  it('opens with what was prepared, everything labelled', async () => {
    const { container } = await openBrief();
    expect((screen.getByLabelText('Objectif') as HTMLTextAreaElement).value).toBe("Date de réouverture de l'antenne");
    expect((screen.getByLabelText(/Rouvrir l'antenne de Villejean/) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/Accueil sans rendez-vous/) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Type de l’argument 1') as HTMLSelectElement).value).toBe(ArgumentKind.COST);
    expect((screen.getByLabelText('Rôle de Fatou Diallo') as HTMLSelectElement).value).toBe(NegotiationRole.SPOKESPERSON);
    expect(screen.getAllByText('Deux heures debout').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Réouverture au plus tard en janvier 2021/).length).toBeGreaterThan(0);
    for (const control of container.querySelectorAll<HTMLInputElement>('form input, form select, form textarea')) {
      expect(control.labels?.length, `${control.tagName} ${control.name}`).toBeGreaterThan(0);
    }
  });

  it('saves the edits with updateBrief', async () => {
    const user = userEvent.setup();
    const sent: BriefInput[] = [];
    await openBrief([
      {
        request: {
          query: UpdateBriefMutation,
          variables: (v: Record<string, unknown>) => {
            sent.push(v['input'] as BriefInput);
            return v['negotiationId'] === 'n1';
          },
        },
        result: {
          data: {
            updateBrief: {
              ...brief,
              objective: 'Une date de réouverture écrite',
              arguments: [...brief.arguments, { __typename: 'BriefArgument', kind: ArgumentKind.LEGAL, text: 'Service public de proximité' }],
            },
          },
        },
      },
    ]);

    const objective = screen.getByLabelText('Objectif');
    await user.clear(objective);
    await user.type(objective, 'Une date de réouverture écrite');
    await user.click(screen.getByLabelText(/Accueil sans rendez-vous/));
    await user.click(screen.getByRole('button', { name: 'Ajouter un argument' }));
    await user.selectOptions(screen.getByLabelText('Type de l’argument 2'), ArgumentKind.LEGAL);
    await user.type(screen.getByLabelText('Argument 2'), 'Service public de proximité');
    expect(screen.getByText('Modifications non enregistrées.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Enregistrer la fiche' }));

    expect(await screen.findByText(/^Enregistré le /)).toBeTruthy();
    expect(sent).toEqual([
      {
        objective: 'Une date de réouverture écrite',
        demandIds: ['dem1', 'dem2'],
        ourLeverage: '30 personnes mobilisées',
        theirInterests: 'Image publique',
        fallback: 'Un autre local sur la dalle',
        ifNoAgreement: 'Nouvelle action à la rentrée',
        arguments: [
          { kind: ArgumentKind.COST, text: 'Deux heures de bus pour la Gare' },
          { kind: ArgumentKind.LEGAL, text: 'Service public de proximité' },
        ],
        roles: [{ role: NegotiationRole.SPOKESPERSON, contactId: 'k1' }],
      },
    ]);
  });

  it('shows a refusal next to the field it names and keeps the edits', async () => {
    const user = userEvent.setup();
    await openBrief([
      {
        request: { query: UpdateBriefMutation, variables: () => true },
        result: {
          errors: [{ message: 'input.arguments[1].text: must not be empty', extensions: { code: 'BAD_USER_INPUT', field: 'input.arguments[1].text' } }],
        },
      },
    ]);
    await user.click(screen.getByRole('button', { name: 'Ajouter un argument' }));
    await user.type(screen.getByLabelText('Ce que nous faisons s’ils refusent'), ' et une pétition');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la fiche' }));

    const text = screen.getByLabelText('Argument 2');
    await waitFor(() => expect(text.getAttribute('aria-invalid')).toBe('true'));
    expect(within(text.closest('.field')!).getByText('À remplir.')).toBeTruthy();
    expect((screen.getByLabelText('Ce que nous faisons s’ils refusent') as HTMLTextAreaElement).value).toBe('Nouvelle action à la rentrée et une pétition');
    expect(screen.getByText('Modifications non enregistrées.')).toBeTruthy();
  });

  it('prints an A4 brief from what is in the editor', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { container } = await openBrief();
    await user.type(screen.getByLabelText('Notre rapport de force'), ', presse');

    const printable = container.querySelector('.printable-brief')!;
    expect(printable.querySelector('h1')?.textContent).toBe('Fiche de négociation');
    expect(printable.textContent).toContain('30 personnes mobilisées, presse');
    expect(printable.textContent).toContain("Rouvrir l'antenne de Villejean");
    expect(printable.textContent).not.toContain('Accueil sans rendez-vous');
    expect(printable.textContent).toContain('Coûts');
    expect(printable.textContent).toContain('Porte-parole : Fatou Diallo');
    expect(printable.textContent).toContain('Rompus');
    // The evidence from the permanences, in sentences, by agency, with the consented quotes.
    const evidence = printable.querySelector('[data-section="evidence"]')!;
    expect(evidence.querySelector('h2')?.textContent).toBe('Évidence de nos permanences');
    expect(evidence.textContent?.replace(/\s/g, ' ')).toContain(
      '31 dossiers suivis pour 28 personnes : 12 résolus, 5 sans solution, 14 en cours. Durée médiane jusqu’à la clôture : 47,0 jours. 8 450 € récupérés',
    );
    expect(evidence.textContent).toContain('CAF');
    expect(evidence.querySelector('q')?.textContent).toBe('Prestations suspendues après un contrôle, rétablies en six semaines');

    await user.click(screen.getByRole('button', { name: 'Imprimer (A4)' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('puts the focus in the argument just added', async () => {
    const user = userEvent.setup();
    await openBrief();
    await user.click(screen.getByRole('button', { name: 'Ajouter un argument' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Argument 2')));
  });

  it('asks before leaving with unsaved edits, and stays when asked to', async () => {
    const user = userEvent.setup();
    const { router } = await openBrief();
    const warned = vi.fn();
    window.addEventListener('beforeunload', warned);
    await user.type(screen.getByLabelText('Objectif'), ' !');
    // Closing the tab: the browser is told to ask.
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    window.removeEventListener('beforeunload', warned);

    // Another page of the app: the brief asks first.
    await user.click(screen.getByRole('link', { name: "Réouverture de l'antenne CPAM" }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Quitter sans enregistrer ?' });
    expect(router.state.location.pathname).toBe('/negotiations/n1/brief');
    await user.click(within(dialog).getByRole('button', { name: 'Rester et enregistrer' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((screen.getByLabelText('Objectif') as HTMLTextAreaElement).value).toBe("Date de réouverture de l'antenne !");
    expect(router.state.location.pathname).toBe('/negotiations/n1/brief');
  });
});
