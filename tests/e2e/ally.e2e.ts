import { ACCOUNTS, CAMPAIGN_NAME, data, expect, expectAccessible, gql, screenshot, seededCampaignId, signIn, test, tokenFor } from './fixtures.ts';

test('an ally sees actions, wins and stages, a calendar to subscribe to, and nobody’s details', async ({ page }) => {
  const organiser = await tokenFor(ACCOUNTS.organiser);
  const campaignId = await seededCampaignId(organiser);
  const { contacts } = await data<{ contacts: { edges: Array<{ node: { firstName: string; lastName: string | null; phone: string | null } }> } }>(
    '{ contacts(first: 50) { edges { node { firstName lastName phone } } } }',
    {},
    organiser,
  );

  // Two upcoming actions: one open to allies, one for the team only.
  const soon = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString();
  const schedule = (title: string, visibility: string) =>
    data(
      'mutation ($input: ActionInput!) { scheduleAction(input: $input) { id } }',
      { input: { campaignId, title, kind: 'RALLY', startsAt: soon, location: 'Dalle Kennedy', turnoutGoal: 40, visibility } },
      organiser,
    );
  const stamp = Date.now();
  await schedule(`Rassemblement ouvert ${stamp}`, 'ALLIES');
  await schedule(`Réunion d'équipe ${stamp}`, 'TEAM');

  // Yesterday's action open to allies: its goal of 2 reached by two people checked in.
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  const reached = await data<{ scheduleAction: { id: string } }>(
    'mutation ($input: ActionInput!) { scheduleAction(input: $input) { id } }',
    { input: { campaignId, title: `Délégation réussie ${stamp}`, kind: 'DELEGATION', startsAt: yesterday, turnoutGoal: 2, visibility: 'ALLIES' } },
    organiser,
  );
  const came = [`Venue${stamp}`, `Venu${stamp}`];
  for (const firstName of came) {
    const contact = await data<{ createContact: { id: string } }>(
      'mutation ($input: ContactInput!) { createContact(input: $input) { id } }',
      { input: { firstName, lastName: 'Présent' } },
      organiser,
    );
    await data(
      'mutation ($a: ID!, $c: ID!) { checkIn(actionId: $a, contactId: $c) { id } }',
      { a: reached.scheduleAction.id, c: contact.createContact.id },
      organiser,
    );
  }
  await data('mutation ($a: ID!) { closeAttendance(actionId: $a) { id } }', { a: reached.scheduleAction.id }, organiser);

  await signIn(page, ACCOUNTS.ally, /\/allies$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Espace allié·es' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Prochaines actions' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Victoires à fêter' })).toBeVisible();
  const campaigns = page.locator(`[data-campaign="${campaignId}"]`);
  await expect(campaigns).toContainText(CAMPAIGN_NAME);
  await expect(campaigns).toContainText('Victoire');
  const actions = page.getByRole('region', { name: 'Prochaines actions' });
  await expect(actions.getByText(`Rassemblement ouvert ${stamp}`)).toBeVisible();
  await expect(actions).toContainText('Dalle Kennedy');
  await expect(page.getByText(`Réunion d'équipe ${stamp}`)).toHaveCount(0);
  // The goal reached is a win, with its counts and nobody's name.
  const turnout = page.getByRole('region', { name: 'Objectifs de mobilisation atteints' });
  await expect(turnout.locator(`[data-turnout-win="${reached.scheduleAction.id}"]`)).toContainText(`Délégation réussie ${stamp} présent·es : 2 · objectif : 2`);
  for (const firstName of came) await expect(page.getByText(firstName)).toHaveCount(0);
  const calendar = page.locator('a[data-calendar]');
  await expect(calendar).toHaveAttribute('href', /^webcal:\/\/.+/);

  // Only the ally view in the navigation; a member's link says why it is not for allies.
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  // Their portal and their own account: nothing of the members' workspace.
  await expect(nav.getByRole('link')).toHaveCount(2);
  await expect(nav.getByRole('link', { name: 'Allié·es' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Mon compte' })).toBeVisible();
  for (const path of ['/campaigns', `/campaigns/${campaignId}`, '/contacts', '/field', '/notifications']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Cette page est réservée à l’équipe' })).toBeVisible();
  }
  await expectAccessible(page, '/contacts');
  await page.getByRole('link', { name: 'Aller à l’espace allié·es' }).click();
  await expect(page).toHaveURL(/\/allies$/);

  // Nobody's name or phone on the page; the API refuses the ally the contacts.
  const text = await page.locator('main').innerText();
  for (const { node } of contacts.edges) {
    if (node.phone) expect(text).not.toContain(node.phone);
    if (node.lastName) expect(text).not.toContain(`${node.firstName} ${node.lastName}`);
  }
  const ally = await tokenFor(ACCOUNTS.ally);
  const refused = await gql('{ contacts(first: 5) { totalCount } }', {}, ally);
  expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

  await expectAccessible(page, '/allies');
  await screenshot(page, 'allies');
});
