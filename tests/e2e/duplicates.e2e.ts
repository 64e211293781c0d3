import { ACCOUNTS, data, expect, expectAccessible, screenshot, seededCampaignId, signIn, test, tokenFor } from './fixtures.ts';

// A canvasser on a phone (the default viewport, 390×844) types a new person at the
// door: someone already known is suggested before saving, and wrong formats are
// told all at once, before anything leaves the phone.

test('the field form suggests a person already known, and checks phone and email at save time', async ({ page }) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const campaignId = await seededCampaignId(token);
  const stamp = Date.now();
  // A unique French mobile number: 06 then eight digits.
  const digits = String(stamp).slice(-8);
  const national = `06 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)}`;
  const lastName = `Doublon${stamp}`;
  const known = await data<{ createContact: { id: string } }>(
    'mutation ($input: ContactInput!) { createContact(input: $input) { id } }',
    { input: { firstName: 'Fatou', lastName, phone: `+336${digits}`, building: 'B' } },
    token,
  );

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto(`/field?campaign=${campaignId}`);
  await page.getByRole('radio', { name: 'A parlé' }).check();
  await page.getByLabel('Bâtiment').fill('C');
  await page.getByLabel('Prénom').fill('Fatou');
  await page.getByLabel('Téléphone').fill(national);

  // Same phone, written as people write it: "Est-ce Fatou Doublon… (bât. B) ?"
  const suggestion = page.getByRole('region', { name: 'Personne peut-être déjà connue' });
  await expect(suggestion).toContainText(`Est-ce Fatou ${lastName} (bât. B) ?`);
  await expect(suggestion).toContainText('Même numéro de téléphone.');
  await expectAccessible(page, '/field (duplicate suggested)');
  await screenshot(page, 'field-duplicate');
  await suggestion.getByRole('button', { name: 'Oui, utiliser cette fiche' }).click();
  await expect(page.locator(`[data-contact="${known.createContact.id}"]`)).toContainText(`Fatou ${lastName}`);

  // Someone else after all: back to a new person, with a phone and an email that cannot be right.
  await page.getByRole('button', { name: /Changer de personne|Changer/ }).click();
  await page.getByLabel('Prénom').fill('Awa');
  await page.getByLabel('Téléphone').fill('06 12');
  await page.getByLabel('E-mail').fill('awa.exemple.fr');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/Un numéro de téléphone valide/)).toBeVisible();
  await expect(page.getByText(/Une adresse e-mail, par exemple/)).toBeVisible();
  await expect(page.getByLabel('Téléphone')).toBeFocused();
  await expect(page.getByLabel('Téléphone')).toHaveValue('06 12');
  await expectAccessible(page, '/field (formats refused)');
  await screenshot(page, 'field-formats');

  // Nothing was sent for Awa.
  const sent = await data<{ contacts: { totalCount: number } }>('{ contacts(filter: { search: "awa.exemple.fr" }, first: 1) { totalCount } }', {}, token);
  expect(sent.contacts.totalCount).toBe(0);
});
