import { ACCOUNTS, CAMPAIGN_NAME, data, expect, expectAccessible, screenshot, signIn, test, tokenFor } from './fixtures.ts';

// Permanences and cases on a phone: attendance tapped without signal and sent once when
// the network returns (the outbox), and a case followed from opening to closing.

const DAY = 86_400_000;
const SESSIONS = 'query ($from: DateTime!, $to: DateTime!) { sessions(from: $from, to: $to) { id title attendeeCount attendees { id } } }';

interface Session {
  id: string;
  title: string;
  attendeeCount: number;
  attendees: Array<{ id: string }>;
}

test('attendance at a permanence is tapped offline, then recorded once when the network returns', async ({ page, context }) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const now = Date.now();
  const range = { from: new Date(now).toISOString(), to: new Date(now + 8 * DAY).toISOString() };
  const { sessions } = await data<{ sessions: Session[] }>(SESSIONS, range, token);
  // The next Tuesday permanence (the demo records attendance only at past ones).
  const session = sessions.find((s) => s.title.includes('(mardi)') && s.attendeeCount === 0);
  expect(session, JSON.stringify(sessions.map((s) => s.title))).toBeTruthy();

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto(`/sessions/${session!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: session!.title })).toBeVisible();
  const regulars = page.locator('button.regular');
  await expect(regulars.nth(2)).toBeVisible();
  await expectAccessible(page, '/sessions/:id');

  await context.setOffline(true);
  for (let i = 0; i < 3; i++) {
    await regulars.nth(i).click();
    await expect(regulars.nth(i)).toHaveAttribute('aria-pressed', 'true');
  }
  // A second tap on someone already present changes nothing.
  await regulars.nth(0).click();
  await expect(page.locator('[data-attendance-waiting="3"]')).toContainText('3 présences en attente d’envoi');
  await expect(page.getByText('Gardé sur ce téléphone')).toBeVisible();
  await screenshot(page, 'session-offline');
  expect((await data<{ sessions: Session[] }>(SESSIONS, range, token)).sessions.find((s) => s.id === session!.id)!.attendeeCount).toBe(0);

  await context.setOffline(false);
  await expect(page.locator('[data-attendance-waiting="0"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 2, name: '3 présent·es' })).toBeVisible();
  const after = (await data<{ sessions: Session[] }>(SESSIONS, range, token)).sessions.find((s) => s.id === session!.id)!;
  expect(after.attendeeCount).toBe(3);
  expect(new Set(after.attendees.map((a) => a.id)).size).toBe(3);
  // Nothing left to send: a reload sends nothing more.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: '3 présent·es' })).toBeVisible();
  expect((await data<{ sessions: Session[] }>(SESSIONS, range, token)).sessions.find((s) => s.id === session!.id)!.attendeeCount).toBe(3);
});

test('a case is opened for a person, followed with a dated step, its next step moved, and closed resolved with money recovered', async ({ page }) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const stamp = Date.now();
  const { createContact } = await data<{ createContact: { id: string } }>(
    'mutation ($input: ContactInput!) { createContact(input: $input) { id } }',
    { input: { firstName: 'Rose', lastName: `Dossier ${stamp}` } },
    token,
  );
  const contactId = createContact.id;

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto(`/contacts/${contactId}`);
  const open = page.getByRole('form', { name: 'Ouvrir un dossier' });
  await open.getByLabel('Organisme (CAF, CPAM, préfecture…)').fill('CAF');
  await open.getByLabel('Problème (comme dans les conversations)').fill('APL suspendues');
  await open.getByLabel('La situation, en quelques mots').fill(`APL suspendues après un contrôle (${stamp})`);
  await open.getByLabel('Date de la prochaine étape').fill('2099-03-02');
  await open.getByLabel('Campagne liée').selectOption({ label: CAMPAIGN_NAME });
  await open.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await expect(open.getByText('Dossier ouvert.')).toBeVisible();
  const item = page.locator('[data-case]', { hasText: `(${stamp})` });
  await expect(item).toContainText('CAF');
  await expect(item).toContainText('Ouvert');
  await expectAccessible(page, '/contacts/:id (cases)');

  await item.getByText('Suivre ce dossier').click();
  await item.getByLabel('Ce qui a été fait').fill('Recours gracieux déposé avec elle');
  await item.getByRole('button', { name: 'Ajouter l’étape' }).click();
  await expect(item.getByRole('list', { name: 'Étapes' })).toContainText('Recours gracieux déposé avec elle');

  await item.getByLabel('Date de la prochaine étape').fill('2099-04-06');
  await item.getByRole('button', { name: 'Déplacer la prochaine étape' }).click();
  await expect(item).toContainText('prochaine étape le 6 avril 2099');
  await expectAccessible(page, '/contacts/:id (case follow-up)');

  await item.getByLabel('Résolu').check();
  await item.getByLabel('Somme récupérée pour la personne, en euros (facultatif)').fill('120');
  await item.getByRole('button', { name: 'Clôturer', exact: true }).click();
  await expect(item).toContainText('Résolu');
  await expect(item).toContainText(/120\s€ récupérés/);

  const { contact } = await data<{ contact: { cases: Array<Record<string, any>> } }>(
    'query ($id: ID!) { contact(id: $id) { cases { agency status nextStepAt recoveredCents issue { name } campaign { name } steps { note } } } }',
    { id: contactId },
    token,
  );
  expect(contact.cases).toHaveLength(1);
  expect(contact.cases[0]).toMatchObject({
    agency: 'CAF',
    status: 'RESOLVED',
    recoveredCents: 12_000,
    issue: { name: 'APL suspendues' },
    campaign: { name: CAMPAIGN_NAME },
  });
  expect(contact.cases[0]!.nextStepAt.slice(0, 10)).toBe('2099-04-06');
  expect(contact.cases[0]!.steps.map((s: { note: string }) => s.note)).toContain('Recours gracieux déposé avec elle');

  // My cases: the organiser follows it (and the demo's open cases, oldest next step first).
  await page.goto('/cases');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes dossiers' })).toBeVisible();
  await expect(page.locator('[data-case]', { hasText: `(${stamp})` })).toBeVisible();
  await expectAccessible(page, '/cases');
  await screenshot(page, 'my-cases');
});
