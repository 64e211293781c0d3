import { ACCOUNTS, data, expect, expectAccessible, screenshot, signIn, test, tokenFor } from './fixtures.ts';

test('the contacts, a person, and the reminders pages are accessible on a phone', async ({ page }) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const { contacts } = await data<{ contacts: { totalCount: number; edges: Array<{ node: { id: string; firstName: string } }> } }>(
    '{ contacts(first: 5) { totalCount edges { node { id firstName } } } }',
    {},
    token,
  );

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /personnes?$/ })).toBeVisible();
  await expectAccessible(page, '/contacts');
  await screenshot(page, 'contacts');

  if (contacts.edges.length) {
    const first = contacts.edges[0]!.node;
    await page.locator('input[name=search]').fill(first.firstName);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page).toHaveURL(new RegExp(`search=${encodeURIComponent(first.firstName)}`));
    await page.goto(`/contacts/${first.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(first.firstName);
    await expect(page.getByRole('button', { name: 'Exporter ses données (JSON)' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter ses données (JSON)' }).click();
    expect((await download).suggestedFilename()).toBe(`rapport-contact-${first.id}.json`);
    await expectAccessible(page, '/contacts/:id');
    await screenshot(page, 'contact');
  }

  await page.goto('/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Rappels' })).toBeVisible();
  await expectAccessible(page, '/notifications');
  await screenshot(page, 'notifications');
});
