import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { CampaignStage, ConversationKind, ConversationOutcome, PaymentMethod, Role } from '@rapport/shared';
import type { LogConversationInput } from '../../../gql/graphql';
import { renderApp, signInAs } from '../../../test/renderApp';
import { emptyDraft } from '../draft';
import { FieldOptionsQuery } from '../graphql/fieldOptions';
import { LogConversationMutation } from '../graphql/logConversation';
import { enqueue, getOutboxStore } from '../outbox/outbox';
import { FieldBuildingQuery, FieldBuildingsQuery, FieldTurfQuery } from '../turfPlace';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const optionsMock: MockLink.MockedResponse = {
  request: { query: FieldOptionsQuery },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: {
    data: {
      campaigns: [
        { __typename: 'Campaign', id: 'c1', name: "Réouverture de l'antenne CPAM", stage: CampaignStage.LISTENING },
        { __typename: 'Campaign', id: 'c2', name: 'Ascenseurs en panne', stage: CampaignStage.ACTION },
      ],
      issues: [
        { __typename: 'Issue', id: 'i1', name: "Fermeture de l'antenne de la Sécurité sociale" },
        { __typename: 'Issue', id: 'i2', name: 'Démarches uniquement en ligne' },
      ],
    },
  },
};

/** A logConversation mock that records each input it receives. */
function logMock(sent: LogConversationInput[], answer: Partial<MockLink.MockedResponse> = {}): MockLink.MockedResponse {
  return {
    request: {
      query: LogConversationMutation,
      variables: (variables: Record<string, unknown>) => {
        sent.push(variables['input'] as LogConversationInput);
        return true;
      },
    },
    result: (variables: Record<string, unknown>) => {
      const input = variables['input'] as LogConversationInput;
      return {
        data: {
          logConversation: {
            __typename: 'Conversation',
            id: `conv-${sent.length}`,
            clientId: input.clientId,
            occurredAt: input.occurredAt,
            outcome: input.outcome,
          },
        },
      };
    },
    ...answer,
  } as MockLink.MockedResponse;
}

async function openField(path: string, mocks: MockLink.MockedResponse[]) {
  signInAs(Role.LEADER);
  const view = renderApp(path, { mocks: [optionsMock, ...mocks] });
  await screen.findByRole('heading', { level: 1, name: 'Porte-à-porte' });
  await screen.findByRole('option', { name: 'Ascenseurs en panne' });
  return view;
}

const KENNEDY = {
  __typename: 'Building',
  id: 'b1',
  street: 'Cours Kennedy',
  number: '12',
  name: 'Tour Kennedy B',
  doors: [
    { __typename: 'Door', id: 'd70', floor: 7, label: '7-1' },
    { __typename: 'Door', id: 'd71', floor: 7, label: '7-2' },
  ],
};

describe('/field opened on a building or a door of the turf', () => {
  it('?campaign&door: fills street, building and door, names the building and sends the doorId', async () => {
    const user = userEvent.setup();
    const sent: LogConversationInput[] = [];
    const buildings = { request: { query: FieldBuildingsQuery, variables: { campaignId: 'c1' } }, result: { data: { buildings: [KENNEDY] } } };
    await openField('/field?campaign=c1&door=d71', [buildings, logMock(sent)]);

    expect(await screen.findByText('Tour Kennedy B')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('Porte') as HTMLInputElement).value).toBe('7-2'));
    expect((screen.getByLabelText('Rue') as HTMLInputElement).value).toBe('Cours Kennedy');
    expect((screen.getByLabelText('Bâtiment') as HTMLInputElement).value).toBe('Tour Kennedy B');
    await user.click(screen.getByLabelText('Absent·e'));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText('Conversation enregistrée. Porte suivante !')).toBeTruthy();
    expect(sent[0]).toMatchObject({ campaignId: 'c1', doorId: 'd71', street: 'Cours Kennedy', building: 'Tour Kennedy B', door: '7-2' });
    // The next door on the landing is typed by hand: no doorId left over.
    expect((screen.getByLabelText('Bâtiment') as HTMLInputElement).value).toBe('Tour Kennedy B');
  });

  it('?building (the walk sheet QR code): fills street and building from the volunteer turf', async () => {
    const turf = { request: { query: FieldTurfQuery }, result: { data: { myTurf: [KENNEDY] } } };
    await openField('/field?building=b1', [turf]);

    expect(await screen.findByText('Tour Kennedy B')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('Bâtiment') as HTMLInputElement).value).toBe('Tour Kennedy B'));
    expect((screen.getByLabelText('Rue') as HTMLInputElement).value).toBe('Cours Kennedy');
    expect((screen.getByLabelText('Porte') as HTMLInputElement).value).toBe('');
  });

  it('?building not in my turf (the walk sheet of someone else): looked up by its id, then filled', async () => {
    const turf = { request: { query: FieldTurfQuery }, result: { data: { myTurf: [] } } };
    const asked: string[] = [];
    const byId = {
      request: {
        query: FieldBuildingQuery,
        variables: (variables: Record<string, unknown>) => {
          asked.push(String(variables['id']));
          return true;
        },
      },
      result: { data: { building: KENNEDY } },
    } as MockLink.MockedResponse;
    await openField('/field?building=b1', [turf, byId]);

    expect(await screen.findByText('Tour Kennedy B')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('Bâtiment') as HTMLInputElement).value).toBe('Tour Kennedy B'));
    expect((screen.getByLabelText('Rue') as HTMLInputElement).value).toBe('Cours Kennedy');
    expect(asked).toEqual(['b1']);
  });

  it('?building in my turf: no second request', async () => {
    const turf = { request: { query: FieldTurfQuery }, result: { data: { myTurf: [KENNEDY] } } };
    const asked: string[] = [];
    const byId = {
      request: {
        query: FieldBuildingQuery,
        variables: (variables: Record<string, unknown>) => {
          asked.push(String(variables['id']));
          return true;
        },
      },
      result: { data: { building: KENNEDY } },
    } as MockLink.MockedResponse;
    await openField('/field?building=b1', [turf, byId]);
    await waitFor(() => expect((screen.getByLabelText('Bâtiment') as HTMLInputElement).value).toBe('Tour Kennedy B'));
    expect(asked).toEqual([]);
  });

  it('?building of another organisation (NOT_FOUND): the form stays empty and usable', async () => {
    const turf = { request: { query: FieldTurfQuery }, result: { data: { myTurf: [] } } };
    const missing = {
      request: { query: FieldBuildingQuery, variables: { id: 'b9' } },
      result: { errors: [{ message: 'building b9 not found', extensions: { code: 'NOT_FOUND' } }] },
    } as unknown as MockLink.MockedResponse;
    await openField('/field?building=b9', [turf, missing]);
    await waitFor(() => expect((screen.getByLabelText('Bâtiment') as HTMLInputElement).value).toBe(''));
    expect(screen.queryByText('Tour Kennedy B')).toBeNull();
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeTruthy();
  });

  it('offline, the building unknown: still sends the doorId (the API fills the place)', async () => {
    const user = userEvent.setup();
    const sent: LogConversationInput[] = [];
    const failing = { request: { query: FieldBuildingsQuery, variables: { campaignId: 'c1' } }, error: new TypeError('Failed to fetch') };
    await openField('/field?campaign=c1&door=d71', [failing, logMock(sent)]);

    await user.click(screen.getByLabelText('Absent·e'));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    // Whether the failed request has already turned the app offline when the form is sent is
    // a race: either the conversation leaves at once, or it waits in the outbox for the network.
    expect(await screen.findByText(/^(Conversation enregistrée\. Porte suivante !|Enregistrée sur ce téléphone)/)).toBeTruthy();
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ campaignId: 'c1', doorId: 'd71', street: null, building: null, door: null });
    expect(screen.queryByText('Tour Kennedy B')).toBeNull();
  });
});

describe('/field, the door-to-door form', () => {
  it('labels every control, preselects ?campaign and defaults to door knocking', async () => {
    const { container } = await openField('/field?campaign=c1', []);

    expect((screen.getByLabelText('Campagne') as HTMLSelectElement).value).toBe('c1');
    expect((screen.getByLabelText('Type de rencontre') as HTMLSelectElement).value).toBe(ConversationKind.DOOR_KNOCK);
    const outcomes = [...container.querySelectorAll<HTMLInputElement>('input[name=outcome]')].map((i) => i.value);
    expect(outcomes.sort()).toEqual(['MOVED', 'NOT_HOME', 'REFUSED', 'TALKED']);
    for (const name of ['street', 'building', 'door', 'followUpAt']) {
      expect(container.querySelector(`input[name=${name}]`), name).toBeTruthy();
    }
    await userEvent.setup().click(screen.getByLabelText('A parlé'));
    for (const name of ['firstName', 'lastName', 'phone', 'email', 'contactSearch', 'selfInterest', 'newIssue']) {
      expect(container.querySelector(`input[name=${name}]`), name).toBeTruthy();
    }
    for (const control of container.querySelectorAll<HTMLInputElement>('form input, form select, form textarea')) {
      expect(control.labels?.length, `${control.tagName} ${control.name} has a label`).toBeGreaterThan(0);
    }
  });

  it('logs a conversation with a clientId, then gets ready for the next door on the same landing', async () => {
    const user = userEvent.setup();
    const sent: LogConversationInput[] = [];
    const { container } = await openField('/field?campaign=c1', [logMock(sent)]);

    await user.click(screen.getByLabelText('A parlé'));
    await user.type(screen.getByLabelText('Rue'), 'Cours Kennedy');
    await user.type(screen.getByLabelText('Bâtiment'), 'B');
    await user.type(screen.getByLabelText('Porte'), '34');
    await user.type(screen.getByLabelText('Prénom'), 'Fatou');
    await user.type(screen.getByLabelText('Téléphone'), '06 12 34 56 78');
    await user.click(screen.getByLabelText('Accepte que nous gardions ses coordonnées'));
    await user.click(screen.getByLabelText("Fermeture de l'antenne de la Sécurité sociale"));
    await user.type(screen.getByLabelText('Autre colère'), 'Ascenseur en panne{Enter}');
    const closure = screen.getByRole('group', { name: "Fermeture de l'antenne de la Sécurité sociale" });
    await user.click(within(closure).getByLabelText('5'));
    await user.type(within(closure).getByLabelText('Ses mots'), 'Deux heures debout à la Gare');
    await user.click(within(screen.getByRole('group', { name: 'Envie d’agir (1 à 5)' })).getByLabelText('4'));
    await user.click(screen.getByLabelText('Potentiel de leader'));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText('Conversation enregistrée. Porte suivante !')).toBeTruthy();
    expect(sent).toHaveLength(1);
    const input = sent[0]!;
    expect(input.clientId).toMatch(UUID);
    expect(input).toMatchObject({
      kind: ConversationKind.DOOR_KNOCK,
      outcome: ConversationOutcome.TALKED,
      campaignId: 'c1',
      street: 'Cours Kennedy',
      building: 'B',
      door: '34',
      interestLevel: 4,
      leadershipPotential: true,
      newContact: { firstName: 'Fatou', phone: '06 12 34 56 78', street: 'Cours Kennedy', building: 'B' },
      issues: [
        { name: "Fermeture de l'antenne de la Sécurité sociale", intensity: 5, quote: 'Deux heures debout à la Gare' },
        { name: 'Ascenseur en panne', intensity: 3, quote: null },
      ],
    });
    expect(input.newContact?.consentGivenAt).toBeTruthy();
    expect(Date.parse(input.occurredAt!)).toBeGreaterThan(Date.now() - 60_000);

    // Next door: same street and building, the rest cleared, focus on the door.
    expect((screen.getByLabelText('Rue') as HTMLInputElement).value).toBe('Cours Kennedy');
    expect((screen.getByLabelText('Bâtiment') as HTMLInputElement).value).toBe('B');
    expect((screen.getByLabelText('Porte') as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText('Porte'));
    expect(container.querySelector('input[name=firstName]')).toBeNull();
    expect(await getOutboxStore().pending()).toEqual([]);
  });

  it('keeps a conversation typed offline in the outbox, then sends it once when the network returns', async () => {
    const user = userEvent.setup();
    const sent: LogConversationInput[] = [];
    await openField('/field?campaign=c1', [logMock(sent, { error: new TypeError('Failed to fetch'), result: undefined }), logMock(sent)]);

    await user.click(screen.getByLabelText('Absent·e'));
    await user.type(screen.getByLabelText('Porte'), '12');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText('Enregistrée sur ce téléphone : elle partira dès le retour du réseau.')).toBeTruthy();
    expect(await screen.findByText('1 conversation en attente d’envoi')).toBeTruthy();
    // One sentence, agreed in number, with French spacing before the colon.
    expect(document.querySelector('.outbox [role="status"]')?.textContent).toBe(
      '1 conversation en attente d’envoi\u202f: elle partira dès le retour du réseau.',
    );
    // The request got no answer: the app says offline, whatever navigator.onLine says.
    expect(screen.getByText('Hors ligne', { exact: true })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: /Terrain.*1 en attente d’envoi/ })).toBeTruthy();
    const waiting = await getOutboxStore().pending();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ kind: 'conversation', input: { door: '12' } });

    window.dispatchEvent(new Event('online'));

    expect(await screen.findByText('Tout est envoyé.')).toBeTruthy();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.clientId).toBe(sent[0]!.clientId);
    expect(await getOutboxStore().pending()).toEqual([]);
    expect(within(nav).queryByText(/en attente/)).toBeNull();
    expect(screen.queryByText('Hors ligne', { exact: true })).toBeNull();
  });

  it("shows the API's refusal next to the field, in the member's language, and keeps what was typed", async () => {
    const user = userEvent.setup();
    const sent: LogConversationInput[] = [];
    await openField('/field', [
      logMock(sent, {
        result: {
          errors: [
            {
              message: 'input.newContact.phone: must be a valid phone number, such as 06 12 34 56 78 or +33 6 12 34 56 78',
              extensions: { code: 'BAD_USER_INPUT', field: 'input.newContact.phone' },
            },
          ],
        },
      }),
    ]);

    await user.click(screen.getByLabelText('A parlé'));
    await user.type(screen.getByLabelText('Prénom'), 'Fatou');
    await user.type(screen.getByLabelText('Téléphone'), '12');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const phone = screen.getByLabelText('Téléphone') as HTMLInputElement;
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(phone.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(message?.textContent).toBe('Un numéro de téléphone valide, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.');
    expect(phone.value).toBe('12');
    expect((screen.getByLabelText('Prénom') as HTMLInputElement).value).toBe('Fatou');
    expect(await getOutboxStore().pending()).toEqual([]);
    expect(await getOutboxStore().rejected()).toEqual([]);
  });

  it('asks for the outcome before anything is sent', async () => {
    const sent: LogConversationInput[] = [];
    await openField('/field', [logMock(sent)]);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText('Choisissez le résultat de la rencontre.')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it('lists entries the API refused during a background send, and reopens one to correct it', async () => {
    const user = userEvent.setup();
    const sent: LogConversationInput[] = [];
    const draft = { ...emptyDraft('c1'), outcome: ConversationOutcome.TALKED, street: 'Dalle Kennedy', door: '7', notes: 'x'.repeat(20) };
    await enqueue({
      kind: 'conversation',
      clientId: '3b241101-e2bb-4255-8caf-4136c566a962',
      userId: 'u1',
      input: {
        clientId: '3b241101-e2bb-4255-8caf-4136c566a962',
        kind: draft.kind,
        outcome: ConversationOutcome.TALKED,
        street: 'Dalle Kennedy',
        door: '7',
        notes: draft.notes,
      },
      draft,
      createdAt: new Date().toISOString(),
      attempts: 1,
    });

    await openField('/field', [
      logMock(sent, {
        result: { errors: [{ message: 'input.notes: must be at most 10 characters (got 20)', extensions: { code: 'BAD_USER_INPUT', field: 'input.notes' } }] },
      }),
    ]);

    const rejected = await screen.findByRole('region', { name: '1 conversation à corriger' });
    expect(within(rejected).getByText('Dalle Kennedy · 7')).toBeTruthy();
    expect(within(rejected).getByText('10 caractères au plus.')).toBeTruthy();
    expect(await getOutboxStore().pending()).toEqual([]);

    await user.click(within(rejected).getByRole('button', { name: 'Corriger' }));

    expect((screen.getByLabelText('Porte') as HTMLInputElement).value).toBe('7');
    const notes = screen.getByLabelText('Notes');
    expect(notes.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('10 caractères au plus.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('region', { name: /à corriger/ })).toBeNull());
  });

  it('never sends an entry of another member signed in on the same phone', async () => {
    const sent: LogConversationInput[] = [];
    await enqueue({
      kind: 'conversation',
      clientId: 'someone-else',
      userId: 'u2',
      input: { clientId: 'someone-else', kind: ConversationKind.DOOR_KNOCK, outcome: ConversationOutcome.NOT_HOME },
      draft: emptyDraft(),
      createdAt: new Date().toISOString(),
      attempts: 0,
    });
    await openField('/field', [logMock(sent)]);
    expect(await screen.findByText('Tout est envoyé.')).toBeTruthy();
    expect(sent).toHaveLength(0);
    expect(await getOutboxStore().pending()).toHaveLength(1);
  });

  it('shows dues payments waiting on this phone beside the conversations, and a payment refused for good with a plain reason', async () => {
    const duesEntry = (clientId: string, amountCents: number) => ({
      kind: 'dues' as const,
      clientId,
      userId: 'u1',
      input: { clientId, payerId: 'contact-7', amountCents, method: PaymentMethod.CASH, paysFor: ['contact-8'] },
      payerName: 'Fatou Diallo',
      paysForNames: ['Awa Traoré'],
      currency: 'EUR',
      createdAt: new Date().toISOString(),
      attempts: 0,
    });
    // Waiting (its backoff is not over: the sync leaves it) and refused (NOT_FOUND: the payer was erased meanwhile).
    await enqueue({ ...duesEntry('d1', 2400), attempts: 1, lastFailure: 'error', nextAttemptAt: new Date(Date.now() + 60_000).toISOString() });
    await getOutboxStore().reject({
      ...duesEntry('d2', 1200),
      rejectedAt: new Date().toISOString(),
      code: 'NOT_FOUND',
      message: 'Contact contact-7 not found',
    });

    await openField('/field', []);

    expect(await screen.findByText('1 cotisation en attente d’envoi')).toBeTruthy();
    expect(screen.getByText(/Cotisation de Fatou Diallo : 24\s€/)).toBeTruthy();
    const rejected = await screen.findByRole('region', { name: '1 cotisation à corriger' });
    expect(within(rejected).getByText(/n’existe plus/)).toBeTruthy();
    expect(within(rejected).getByRole('link', { name: 'Ouvrir sa fiche' }).getAttribute('href')).toBe('/contacts/contact-7');
    expect(within(rejected).queryByRole('button', { name: 'Corriger' })).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: /Terrain.*1 en attente d’envoi/ })).toBeTruthy();
  });
});
