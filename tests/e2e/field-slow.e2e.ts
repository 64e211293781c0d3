import { ACCOUNTS, data, expect, expectAccessible, screenshot, seededCampaignId, signIn, test, tokenFor } from './fixtures.ts';

// Issue 16: "saving on a weak signal never blocks". Every /graphql answer is held 10 s
// (one bar of signal on a landing): each door is confirmed as soon as it is on the
// phone, the five leave in the background, and each arrives exactly once.

// page.route must see /graphql: no service worker in between for this test.
test.use({ serviceWorkers: 'block' });

const HOLD_MS = 10_000;
const CONVERSATIONS = `query ($id: ID!) { conversations(campaignId: $id, first: 500) { id clientId door outcome } }`;

test('on a slow network, five doors are confirmed at once and each arrives exactly once', async ({ page }) => {
  test.setTimeout(180_000);
  const token = await tokenFor(ACCOUNTS.organiser);
  const campaignId = await seededCampaignId(token);
  const prefix = `SLOW-${Date.now()}-`;
  const doors = [1, 2, 3, 4, 5].map((n) => `${prefix}${n}`);
  const recorded = async () =>
    (await data<{ conversations: Array<{ door: string | null; clientId: string | null }> }>(CONVERSATIONS, { id: campaignId }, token)).conversations.filter(
      (c) => c.door?.startsWith(prefix),
    );

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto(`/field?campaign=${campaignId}`);
  await expect(page.locator('select[name=campaignId]')).toHaveValue(campaignId);
  await page.locator('input[name=street]').fill('Cours Kennedy');
  await page.locator('input[name=building]').fill('51');

  // From now on, the api gets every request at once but its answer reaches the phone 10 s later.
  let answersReleased = 0;
  await page.route('**/graphql', async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    await route.fulfill({ response }).catch(() => undefined);
    answersReleased++;
  });

  const started = Date.now();
  for (const door of doors) {
    await page.getByLabel('Absent·e', { exact: true }).check();
    await page.locator('input[name=door]').fill(door);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // Confirmed: the form is ready for the next door, the entry is on the phone.
    await expect(page.locator('input[name=door]')).toHaveValue('', { timeout: 5_000 });
    await expect(page.locator('.submit-status')).toHaveAttribute('data-status', 'sending');
    await expect(page.getByRole('button', { name: 'Enregistrer' })).toBeEnabled();
  }
  const elapsed = Date.now() - started;
  // All five confirmed before the first answer came back: no door waited for the network.
  expect(answersReleased, `answers released while confirming (took ${elapsed} ms)`).toBe(0);
  expect(elapsed).toBeLessThan(HOLD_MS);
  await expect(page.getByText('Enregistrée sur ce téléphone, envoi en cours. Porte suivante !')).toBeVisible();
  expect(Number(await page.locator('[data-outbox-count]').getAttribute('data-outbox-count'))).toBeGreaterThanOrEqual(4);
  await screenshot(page, 'field-slow-network');
  await expectAccessible(page, '/field on a slow network');

  // They leave one after the other in the background (each answer held 10 s).
  await expect(page.locator('[data-outbox-count]')).toHaveAttribute('data-outbox-count', '0', { timeout: 120_000 });
  await expect(page.locator('[data-badge="outbox"]')).toHaveCount(0);
  await expect(page.locator('[data-badge="rejected"]')).toHaveCount(0);

  const rows = await recorded();
  expect(rows.map((r) => r.door).sort()).toEqual(doors);
  expect(new Set(rows.map((r) => r.clientId)).size).toBe(5);
});
