import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Role } from '@rapport/shared';
import { renderApp, signInAs } from '../../../test/renderApp';
import { PossibleDuplicatesQuery } from '../graphql/possibleDuplicates';
import { CreateContactMutation } from '../graphql/saveContact';

const fatou = {
  __typename: 'Contact',
  id: 'k1',
  firstName: 'Fatou',
  lastName: 'Diallo',
  phone: '+33612345678',
  email: null,
  building: 'B',
  street: 'Cours Kennedy',
};
const found = (nodes: unknown[]) => ({
  data: { contacts: { __typename: 'ContactConnection', edges: nodes.map((node) => ({ __typename: 'ContactEdge', node })) } },
});

describe('/contacts/new: duplicates and formats before saving', () => {
  it('suggests the person already known by their phone, and opens their record', async () => {
    signInAs(Role.ORGANISER);
    const { router } = renderApp('/contacts/new', {
      mocks: [{ request: { query: PossibleDuplicatesQuery, variables: { search: '0612345678' } }, maxUsageCount: 5, result: found([fatou]) }],
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/Prénom/), 'F.');
    await user.type(screen.getByLabelText('Téléphone'), '06 12 34 56 78');
    expect(await screen.findByText('Est-ce Fatou Diallo (bât. B) ?', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText('Même numéro de téléphone.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Oui, utiliser cette fiche' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/contacts/k1'));
  });

  it('"no, someone else" hides the question; wrong phone and email are told together, nothing is sent', async () => {
    signInAs(Role.ORGANISER);
    let sent = 0;
    const { router } = renderApp('/contacts/new', {
      mocks: [
        { request: { query: PossibleDuplicatesQuery, variables: { search: 'Fatou Diallo' } }, maxUsageCount: 5, result: found([fatou]) },
        {
          request: { query: CreateContactMutation, variables: () => true },
          result: () => {
            sent += 1;
            return { data: { createContact: { __typename: 'Contact', id: 'k2', firstName: 'Fatou', lastName: 'Diallo' } } };
          },
        },
      ],
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/Prénom/), 'Fatou');
    await user.type(screen.getByLabelText('Nom'), 'Diallo');
    await user.type(screen.getByLabelText('Bâtiment'), 'b');
    expect(await screen.findByText('Est-ce Fatou Diallo (bât. B) ?', {}, { timeout: 3000 })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Non, c’est une autre personne' }));
    expect(screen.queryByText('Est-ce Fatou Diallo (bât. B) ?')).toBeNull();

    await user.type(screen.getByLabelText('Téléphone'), '06 12');
    await user.type(screen.getByLabelText('E-mail'), 'fatou.exemple.fr');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la personne' }));
    expect(await screen.findByText(/Un numéro de téléphone valide/)).toBeTruthy();
    expect(screen.getByText(/Une adresse e-mail, par exemple/)).toBeTruthy();
    expect((screen.getByLabelText('Téléphone') as HTMLInputElement).value).toBe('06 12');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Téléphone')));
    expect(sent).toBe(0);

    await user.clear(screen.getByLabelText('Téléphone'));
    await user.type(screen.getByLabelText('Téléphone'), '06 99 88 77 66');
    await user.clear(screen.getByLabelText('E-mail'));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la personne' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/contacts/k2'));
    expect(sent).toBe(1);
  });
});
