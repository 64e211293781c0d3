import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Role } from '@rapport/shared';
import { createApolloClient } from '../../../apollo/client';
import { I18nProvider } from '../../../i18n';
import { connectivity } from '../../../network/connectivity';
import { signInAs } from '../../../test/renderApp';
import { configureOutbox, getOutboxStore, type Senders } from '../../field/outbox/outbox';
import { RecordDuesForm } from './ContactMembership';

// The "record dues" form goes through the phone's outbox, like the field form.

function renderForm(dues: Senders['dues']) {
  signInAs(Role.ORGANISER);
  configureOutbox({ userId: 'u1', send: { conversation: async () => ({}), dues } });
  const client = createApolloClient({ terminatingLink: new MockLink([], { showWarnings: false }) });
  render(
    <I18nProvider initialLocale="fr">
      <ApolloProvider client={client}>
        <RecordDuesForm contactId="c7" name="Fatou Diallo" suggestedCents={1200} currency="EUR" />
      </ApolloProvider>
    </I18nProvider>,
  );
}

describe('the record-dues form', () => {
  it('records at once when the API answers, with the receipt link', async () => {
    const dues = vi.fn().mockResolvedValue({ id: 'p9', receiptNumber: '2026-0042' });
    renderForm(dues);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Enregistrer la cotisation' }));

    expect(await screen.findByText(/Cotisation enregistrée, reçu 2026-0042/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /reçu/i }).getAttribute('href')).toBe('/receipts/p9');
    expect(dues).toHaveBeenCalledWith(expect.objectContaining({ payerId: 'c7', amountCents: 1200, paysFor: [] }));
    expect(dues.mock.calls[0]![0].clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getOutboxStore().pending()).toEqual([]);
  });

  it('keeps the payment on the phone when offline (nothing blocks), and names it for the outbox', async () => {
    const dues = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    renderForm(dues);
    connectivity.reportNoAnswer();

    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Montant'));
    await user.type(screen.getByLabelText('Montant'), '5');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la cotisation' }));

    expect(await screen.findByText(/Cotisation gardée sur ce téléphone : elle partira dès le retour du réseau/)).toBeTruthy();
    expect(await screen.findByText('1 cotisation de cette personne en attente d’envoi.')).toBeTruthy();
    const [entry] = await getOutboxStore().pending();
    expect(entry).toMatchObject({ kind: 'dues', payerName: 'Fatou Diallo', currency: 'EUR', input: { payerId: 'c7', amountCents: 500 } });
    expect(Date.parse((entry!.input as { paidAt: string }).paidAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("shows the API's immediate refusal next to the amount, and keeps nothing in the outbox", async () => {
    const refusal = new CombinedGraphQLErrors({
      errors: [{ message: 'input.amountCents: must be a whole number from 0 to 10000000', extensions: { code: 'BAD_USER_INPUT', field: 'input.amountCents' } }],
    });
    renderForm(vi.fn().mockRejectedValue(refusal));

    await userEvent.setup().click(screen.getByRole('button', { name: 'Enregistrer la cotisation' }));

    const amount = screen.getByLabelText('Montant');
    await waitFor(() => expect(amount.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Indiquez un montant en euros, par exemple 12 ou 5,50.')).toBeTruthy();
    expect(await getOutboxStore().pending()).toEqual([]);
    expect(await getOutboxStore().rejected()).toEqual([]);
  });
});
