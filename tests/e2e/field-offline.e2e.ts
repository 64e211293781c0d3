import { ACCOUNTS, data, expect, expectAccessible, screenshot, seededCampaignId, signIn, test, tokenFor } from './fixtures.ts';

const CONVERSATIONS = `query ($id: ID!) { conversations(campaignId: $id, first: 500) { id clientId door street outcome contact { firstName } issues { issue { name } intensity } } }`;
interface Row {
  id: string;
  clientId: string | null;
  door: string | null;
  street: string | null;
  outcome: string;
  contact: { firstName: string } | null;
  issues: Array<{ issue: { name: string }; intensity: number }>;
}

test('a door knock logged offline is kept on the phone, then recorded exactly once when the network returns', async ({ page, context }) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const campaignId = await seededCampaignId(token);
  const door = `E2E-${Date.now()}`;
  const doorsWith = async () => (await data<{ conversations: Row[] }>(CONVERSATIONS, { id: campaignId }, token)).conversations.filter((c) => c.door === door);

  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto(`/field?campaign=${campaignId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Porte-à-porte' })).toBeVisible();
  await expect(page.locator('select[name=campaignId]')).toHaveValue(campaignId);
  await expect(page.locator('select[name=kind]')).toHaveValue('DOOR_KNOCK');
  // /field never downloads the dashboard's charts.
  expect(scripts.filter((s) => /charts|Dashboard/.test(s))).toEqual([]);
  await expectAccessible(page, '/field');
  await screenshot(page, 'field');

  // The service worker has cached the app shell and /field.
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });

  await context.setOffline(true);
  // Reload without network: the shell comes from the service worker, campaigns and issues from the phone.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Porte-à-porte' })).toBeVisible();
  await expect(page.getByText('Hors ligne', { exact: true })).toBeVisible();
  await expect(page.locator('select[name=campaignId]')).toHaveValue(campaignId);

  await page.getByLabel('A parlé', { exact: true }).check();
  await page.locator('input[name=street]').fill('Cours Kennedy');
  await page.locator('input[name=building]').fill('51');
  await page.locator('input[name=door]').fill(door);
  await page.locator('input[name=firstName]').fill('Awa');
  // The phone rules load on demand (not with /field): offline, from the service worker's precache.
  const phone = page.locator('input[name=phone]');
  await phone.fill('12');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field-error').first()).toContainText('numéro de téléphone');
  await phone.fill('06 12 34 56 78');
  await page.locator('input[name=newIssue]').fill('Ascenseur en panne');
  await page.getByRole('button', { name: 'Ajouter' }).click();
  const issue = page.getByRole('group', { name: 'Ascenseur en panne' });
  await issue.getByLabel('4', { exact: true }).check();
  await page.locator('textarea[name=notes]').fill('Saisi hors ligne (test de bout en bout)');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByText('Enregistrée sur ce téléphone : elle partira dès le retour du réseau.')).toBeVisible();
  await expect(page.locator('[data-outbox-count]')).toHaveAttribute('data-outbox-count', '1');
  await expect(page.locator('[data-badge="outbox"]')).toHaveAttribute('data-count', '1');
  await screenshot(page, 'field-offline-outbox');
  // Still offline, a reload keeps it (IndexedDB).
  await page.reload();
  await expect(page.locator('[data-outbox-count]')).toHaveAttribute('data-outbox-count', '1');
  expect(await doorsWith()).toHaveLength(0);

  // The network returns: the outbox empties by itself.
  await context.setOffline(false);
  await expect(page.locator('[data-outbox-count]')).toHaveAttribute('data-outbox-count', '0', { timeout: 30_000 });
  await expect(page.locator('[data-badge="outbox"]')).toHaveCount(0);

  const recorded = await doorsWith();
  expect(recorded).toHaveLength(1);
  expect(recorded[0]).toMatchObject({ street: 'Cours Kennedy', outcome: 'TALKED', contact: { firstName: 'Awa' } });
  expect(recorded[0]!.clientId).toMatch(/^[0-9a-f-]{36}$/);
  expect(recorded[0]!.issues).toEqual([{ issue: { name: 'Ascenseur en panne' }, intensity: 4 }]);

  // After a reload (and the sync on load, and a retry), still exactly one.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Porte-à-porte' })).toBeVisible();
  await expect(page.getByText('Tout est envoyé.')).toBeVisible();
  await page.waitForTimeout(1_500);
  expect(await doorsWith()).toHaveLength(1);

  // The same clientId sent again (a lost answer, retried) is the same conversation.
  const again = await data<{ logConversation: { id: string } }>(
    'mutation ($input: LogConversationInput!) { logConversation(input: $input) { id } }',
    { input: { clientId: recorded[0]!.clientId, kind: 'DOOR_KNOCK', outcome: 'TALKED', campaignId, door } },
    token,
  );
  expect(again.logConversation.id).toBe(recorded[0]!.id);
  expect(await doorsWith()).toHaveLength(1);
});

test('a refusal from the API is shown next to the field, in French, and nothing typed is lost', async ({ page }) => {
  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto('/field');
  await page.getByLabel('A parlé', { exact: true }).check();
  await page.locator('input[name=firstName]').fill('Moussa');
  await page.locator('input[name=phone]').fill('12');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  const phone = page.locator('input[name=phone]');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field-error').first()).toContainText('numéro de téléphone');
  await expect(phone).toHaveValue('12');
  await expect(page.locator('input[name=firstName]')).toHaveValue('Moussa');
  await expect(page.locator('[data-outbox-count]')).toHaveAttribute('data-outbox-count', '0');
  await expectAccessible(page, '/field with an error');
  await screenshot(page, 'field-error');
});

test('signing out works offline on a phone that never opened the sign-out page (a shared phone, no signal)', async ({ page, context }) => {
  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto('/field');
  await expect(page.getByRole('heading', { level: 1, name: 'Porte-à-porte' })).toBeVisible();
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('Hors ligne', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Se déconnecter' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  expect(await page.evaluate(() => localStorage.getItem('rapport.token'))).toBeNull();
  await context.setOffline(false);
});
