import { ACCOUNTS, data, expect, expectAccessible, PASSWORD, screenshot, signIn, test, tokenFor } from './fixtures.ts';

test.describe('signing in', () => {
  test('the sign-in page is accessible, refuses a wrong password, and lands a member on the campaigns', async ({ page }) => {
    await page.goto('/campaigns');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
    await expectAccessible(page, '/login');
    await screenshot(page, 'login');

    await page.locator('input[name=email]').fill(ACCOUNTS.organiser);
    await page.locator('input[name=password]').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator('input[name=email]')).toHaveValue(ACCOUNTS.organiser);

    await page.locator('input[name=password]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/campaigns$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Campagnes' })).toBeVisible();
    await expect(page.getByRole('link', { name: "Réouverture de l'antenne CPAM de Villejean" })).toBeVisible();
    await expectAccessible(page, '/campaigns');
    await screenshot(page, 'campaigns');
  });

  test("English is a member's own choice: kept on the server, back at the next sign-in", async ({ page, context }) => {
    await signIn(page, ACCOUNTS.leader, /\/campaigns$/);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
    const token = await tokenFor(ACCOUNTS.leader);
    await expect.poll(async () => (await data<{ me: { locale: string | null } }>('{ me { locale } }', {}, token)).me.locale).toBe('en');

    // Another device (a fresh browser context with nothing stored) speaks English after sign-in.
    const other = await context.browser()!.newContext({ baseURL: process.env.E2E_BASE_URL, locale: 'fr-FR' });
    const phone = await other.newPage();
    await signIn(phone, ACCOUNTS.leader, /\/campaigns$/);
    await expect(phone.locator('html')).toHaveAttribute('lang', 'en');
    await expect(phone.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
    await other.close();

    // Back to the organisation's language for the other tests.
    await data('mutation { setMyLocale(locale: null) { id } }', {}, token);
  });
});
