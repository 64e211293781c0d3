import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { Role } from '@rapport/shared';
import { renderApp, signInAs } from '../../../test/renderApp';
import { CaseCampaignsQuery, MyCasesQuery, OpenCaseMutation } from '../graphql/casework';

const campaigns: MockLink.MockedResponse = {
  request: { query: CaseCampaignsQuery },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: { data: { campaigns: [{ __typename: 'Campaign', id: 'c1', name: 'CPAM Villejean' }] } },
};
const myCases = (cases: unknown[]): MockLink.MockedResponse => ({
  request: { query: MyCasesQuery, variables: { ownerId: 'u1' } },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: { data: { cases } },
});

describe('opening a case from "my cases"', () => {
  it('asks for the person first, and sends nothing', async () => {
    const user = userEvent.setup();
    signInAs(Role.LEADER);
    let opened = 0;
    const open: MockLink.MockedResponse = {
      request: { query: OpenCaseMutation, variables: () => true },
      result: () => {
        opened++;
        return { data: { openCase: { __typename: 'Case', id: 'k1', status: 'OPEN', nextStepAt: null } } };
      },
    };
    renderApp('/cases', { mocks: [campaigns, myCases([]), open] });
    const form = await screen.findByRole('form', { name: 'Ouvrir un dossier' });
    // Every field has its label; a leader follows the case themself (or nobody yet).
    await user.type(within(form).getByLabelText('Organisme (CAF, CPAM, préfecture…)'), 'CAF');
    await user.type(within(form).getByLabelText('La situation, en quelques mots'), 'APL suspendues');
    expect(within(form).getByLabelText('Date de la prochaine étape')).toBeTruthy();
    expect((within(form).getByLabelText('Suivi par') as HTMLSelectElement).options.length).toBe(2);
    await screen.findByRole('option', { name: 'CPAM Villejean' });
    await user.click(within(form).getByRole('button', { name: 'Ouvrir le dossier' }));
    expect(await within(form).findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('Choisir la personne avant d’ouvrir le dossier.'));
    expect(opened).toBe(0);
  });
});
