import { ACCOUNTS, data, expect, expectAccessible, screenshot, signIn, test, tokenFor } from './fixtures.ts';

// The demo has a person typed twice (the first person met at the doors, typed again at
// a permanence with the same phone). An organiser reviews the pair on a phone, sees what
// merging will lose, keeps the record met at the doors, and lands on it with both histories.

test('two demo duplicates are merged through the review page; the kept contact shows both histories', async ({ page }) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const { duplicateCandidates: pairs } = await data<{
    duplicateCandidates: Array<{
      reasons: string[];
      a: { id: string; firstName: string; city: string | null };
      b: { id: string; firstName: string; city: string | null };
    }>;
  }>('{ duplicateCandidates(first: 50) { reasons a { id firstName city } b { id firstName city } } }', {}, token);
  const pair = pairs.find((p) => p.reasons.includes('SAME_PHONE') && [p.a.city, p.b.city].includes('Rennes Cedex'));
  expect(pair, 'the demo seeds a person typed twice with the same phone').toBeDefined();
  const [kept, dropped] = pair!.a.city === 'Rennes Cedex' ? [pair!.b, pair!.a] : [pair!.a, pair!.b];
  const keptBefore = await data<{ contact: { conversations: Array<{ id: string }> } }>(
    'query($id: ID!) { contact(id: $id) { conversations { id } } }',
    { id: kept.id },
    token,
  );

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto('/contacts');
  await page.getByRole('link', { name: 'Doublons à vérifier' }).click();
  await expect(page).toHaveURL(/\/contacts\/duplicates$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Doublons' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.locator(`a[href="/contacts/${dropped.id}"]`) });
  await expect(card).toContainText('même téléphone');
  await expectAccessible(page, '/contacts/duplicates');

  // Keep the record met at the doors: the other one's city goes, and the page says so.
  await card.getByRole('radio', { name: new RegExp(`Garder ${kept.firstName} .*\\(Fiche ${pair!.a.id === kept.id ? 1 : 2}\\)`) }).check();
  await expect(card.getByText('Ces informations de l’autre fiche seront perdues')).toBeVisible();
  await expect(card.locator('del')).toHaveText(['Rennes Cedex']);
  await screenshot(page, 'duplicates-review');
  await card.getByRole('button', { name: /Fusionner en gardant/ }).click();

  // The kept contact's page: both histories.
  await expect(page).toHaveURL(new RegExp(`/contacts/${kept.id}$`));
  await expect(page.getByRole('status').filter({ hasText: 'Fiches fusionnées' })).toBeVisible();
  const conversations = page.locator('section[aria-labelledby="contact-conversations"]');
  await expect(conversations).toContainText('Venue à la permanence pour un dossier CMU.');
  await expect(conversations.locator('ol.timeline > li')).toHaveCount(keptBefore.contact.conversations.length + 1);
  await expect(page.locator('dd').filter({ hasText: 'permanence' })).toBeVisible(); // tags joined
  await expectAccessible(page, '/contacts/:id after a merge');
  await screenshot(page, 'contact-merged');

  // The dropped record is gone; the pair is no longer proposed.
  const after = await data<{ contact: null }>('query($id: ID!) { contact(id: $id) { id } }', { id: dropped.id }, token);
  expect(after.contact).toBeNull();
  await page.goto('/contacts/duplicates');
  await expect(page.locator(`a[href="/contacts/${dropped.id}"]`)).toHaveCount(0);
});

test('a leader is told why the list cannot be exported', async ({ page }) => {
  await signIn(page, ACCOUNTS.leader, /\/campaigns$/);
  await page.goto('/contacts');
  const panel = page.getByRole('region', { name: 'Exporter la liste' });
  await expect(panel).toContainText('Seul·es les organisateur·ices peuvent exporter la liste');
  await expect(panel.getByRole('button')).toHaveCount(0);
  await expectAccessible(page, '/contacts (leader)');
});
