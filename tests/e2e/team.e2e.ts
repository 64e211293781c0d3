import { ACCOUNTS, expect, expectAccessible, gql, screenshot, signIn, test } from './fixtures.ts';

// The team, as an organiser runs it on a phone: invite (no SMTP in this run, so the
// page shows the link to pass on), the invited person accepts in their own browser,
// shows up in the team, is removed, and their open session stops working.
test('invite → accept in another browser → listed → removed → their session fails', async ({ page, browser, baseURL }) => {
  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Équipe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Équipe' })).toBeVisible();

  const stamp = Date.now();
  const email = `nadia-${stamp}@villejean.example`;
  const name = `Nadia ${stamp}`;
  const invite = page.getByRole('region', { name: 'Inviter quelqu’un' });
  await invite.getByLabel('Adresse e-mail').fill(email);
  await invite.getByLabel('Nom').fill(name);
  await invite.getByLabel('Rôle').selectOption('LEADER');
  await invite.getByRole('button', { name: 'Inviter' }).click();
  const link = await invite.getByLabel('Lien d’invitation').inputValue();
  expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{40,}$/);
  await expect(page.getByRole('region', { name: 'Invitations en attente' }).locator('.card-title', { hasText: email })).toBeVisible();
  await expectAccessible(page, '/team');
  await screenshot(page, 'team');

  // The invited person, in a browser of their own.
  const theirs = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fr-FR' });
  const nadia = await theirs.newPage();
  await nadia.goto(new URL(link).pathname);
  await expect(nadia.getByRole('heading', { level: 1, name: 'Rejoindre l’équipe' })).toBeVisible();
  await nadia.getByLabel('Mot de passe').fill('nadia chooses a long password');
  await nadia.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await nadia.waitForURL(/\/campaigns$/);
  const token = await nadia.evaluate(() => localStorage.getItem('rapport.token'));
  expect(token).toBeTruthy();
  expect((await gql('{ me { displayName role } }', {}, token!)).data).toEqual({ me: { displayName: name, role: 'LEADER' } });

  // The link worked once.
  const again = await theirs.newPage();
  await again.goto(new URL(link).pathname);
  await again.getByLabel('Mot de passe').fill('someone else tries it');
  await again.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await expect(again.getByRole('alert')).toContainText('déjà servi');
  await again.close();

  // Listed in the team; then removed, after confirming.
  await page.reload();
  const members = page.getByRole('region', { name: /membres/ });
  await expect(members.getByText(email, { exact: false })).toBeVisible();
  await members.getByRole('button', { name: `Retirer ${name}`, exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: `Retirer ${name} de l’équipe ?` });
  await dialog.getByRole('button', { name: 'Confirmer' }).click();
  await expect(members.getByText(email, { exact: false })).toHaveCount(0);

  // Her open session fails at once: the API refuses the token, the app sends her to sign in.
  expect((await gql('{ me { id } }', {}, token!)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  await nadia.goto('/contacts');
  await nadia.waitForURL(/\/login$/);
  const signInAgain = await gql('mutation($e: String!) { signIn(email: $e, password: "nadia chooses a long password") { token } }', { e: email });
  expect(signInAgain.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  await theirs.close();
});

test('my account: the language and the password form, for every member', async ({ page }) => {
  await signIn(page, ACCOUNTS.ally, /\/allies$/);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
  await page.getByLabel('Mot de passe actuel').fill('not the password');
  await page.getByLabel('Nouveau mot de passe').fill('a brand new long password');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.locator('.field-error')).toHaveText('Ce n’est pas votre mot de passe actuel.');
  await expectAccessible(page, '/account');
});
