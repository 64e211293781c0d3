import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { ACCOUNTS, data, expect, expectAccessible, screenshot, seededCampaignId, signIn, test, tokenFor } from './fixtures.ts';

// Turnout and turf on a phone, as the organiser runs them: the check-in page at the action
// (ten people tapped in, one of them new, typed in two fields), attendance closed; and the
// turf page of the demo's Villejean towers, three doors recorded "Absent" at once; the
// walk sheets printed to PDF, their QR code decoded back to the building's /field link.
test('check-in of ten people, then close attendance', async ({ page }) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const campaignId = await seededCampaignId(token);
  const stamp = Date.now();
  const action = await data<{ scheduleAction: { id: string } }>(
    'mutation ($input: ActionInput!) { scheduleAction(input: $input) { id } }',
    { input: { campaignId, title: `Rassemblement ${stamp}`, kind: 'RALLY', startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), turnoutGoal: 10 } },
    token,
  );
  const actionId = action.scheduleAction.id;
  const names: string[] = [];
  for (let i = 1; i <= 10; i++) {
    const firstName = `Pointé${i}-${stamp}`;
    names.push(firstName);
    const contact = await data<{ createContact: { id: string } }>(
      'mutation ($input: ContactInput!) { createContact(input: $input) { id } }',
      { input: { firstName, lastName: 'Villejean', phone: `06 12 34 56 ${String(10 + i)}` } },
      token,
    );
    await data(
      'mutation ($a: ID!, $c: ID!, $s: ParticipationStatus!) { setParticipation(actionId: $a, contactId: $c, status: $s) { status } }',
      { a: actionId, c: contact.createContact.id, s: i <= 9 ? 'COMMITTED' : 'INVITED' },
      token,
    );
  }

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto(`/actions/${actionId}`);
  await page.getByRole('link', { name: 'Pointer les présent·es et appeler' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Accueil : Rassemblement ${stamp}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'À appeler' }).locator('a[href^="tel:"]')).toHaveCount(10);
  await expectAccessible(page, '/actions/:id/check-in');

  // Nine on the list (searched, then tapped), and one new person typed in two fields.
  for (const firstName of names.slice(0, 9)) {
    await page.getByLabel('Chercher un nom').fill(firstName.slice(0, -3));
    const button = page.getByRole('button', { name: `Pointer ${firstName} Villejean` });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
  await page.getByLabel('Chercher un nom').fill('');
  await page.getByLabel('Prénom').fill(`Nouvelle-${stamp}`);
  await page.getByLabel('Nom', { exact: true }).fill('Voisine');
  await page.getByRole('button', { name: 'Ajouter et pointer' }).click();
  await expect(page.getByText('10 présent·e(s)')).toBeVisible();
  await screenshot(page, 'check-in');

  await page.getByRole('region', { name: 'Clore le pointage' }).getByRole('button', { name: 'Clore le pointage' }).click();
  await expect(page.getByText('Pointage clos.')).toBeVisible();
  const after = await data<{ action: { checkInCount: number; participants: Array<{ status: string }> } }>(
    'query ($id: ID!) { action(id: $id) { checkInCount participants { status } } }',
    { id: actionId },
    token,
  );
  expect(after.action.checkInCount).toBe(10);
  expect(after.action.participants.map((p) => p.status).sort()).toEqual([...Array(10).fill('ATTENDED'), 'INVITED'].sort());
});

test('the turf page: the demo towers, three doors recorded absent at once', async ({ page }) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const campaignId = await seededCampaignId(token);
  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto(`/campaigns/${campaignId}`);
  await page.getByRole('link', { name: 'Terrain (immeubles et portes)' }).click();
  const tower = page.getByRole('region', { name: 'Tour Kennedy B' });
  await expect(tower).toBeVisible();
  await expectAccessible(page, '/campaigns/:id/turf');

  const floor = tower.getByRole('group', { name: 'Étage 12' });
  const before = await data<{ buildings: Array<{ name: string; knocked: number }> }>(
    'query ($c: ID!) { buildings(campaignId: $c) { name knocked } }',
    { c: campaignId },
    token,
  );
  for (const label of ['12-1', '12-2', '12-3']) await floor.getByRole('button', { name: new RegExp(`^Porte ${label},`) }).click();
  await expect(page.getByText('3 porte(s) sélectionnée(s)')).toBeVisible();
  await page.getByRole('button', { name: 'Absent', exact: true }).click();
  await expect(page.getByText('3 porte(s) enregistrée(s).')).toBeVisible();
  await expect(floor.getByRole('button', { name: 'Porte 12-1, absent' })).toBeVisible();
  await screenshot(page, 'turf');
  const after = await data<{ buildings: Array<{ name: string; knocked: number }> }>(
    'query ($c: ID!) { buildings(campaignId: $c) { name knocked } }',
    { c: campaignId },
    token,
  );
  const knocked = (list: typeof after.buildings) => list.find((b) => b.name === 'Tour Kennedy B')!.knocked;
  expect(knocked(after.buildings)).toBe(knocked(before.buildings) + 3);
});

const FLOOR_DOORS = 'query ($c: ID!) { buildings(campaignId: $c) { name doors { id floor label visits doNotKnock lastOutcome } } }';
interface FloorDoor {
  id: string;
  floor: number;
  label: string;
  visits: number;
  doNotKnock: boolean;
  lastOutcome: string | null;
}

test('offline on floor 7: six doors absent and a conversation at a seventh, each synced once when back online', async ({ page, context }) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const campaignId = await seededCampaignId(token);
  const floor7 = async () =>
    (await data<{ buildings: Array<{ name: string; doors: FloorDoor[] }> }>(FLOOR_DOORS, { c: campaignId }, token)).buildings
      .find((b) => b.name === 'Tour Kennedy B')!
      .doors.filter((d) => d.floor === 7);
  const before = await floor7();
  const knockable = before.filter((d) => !d.doNotKnock);
  expect(knockable.length).toBeGreaterThanOrEqual(7);
  const absent = knockable.slice(0, 6);
  const talk = knockable[6]!;
  const firstName = `Palier7-${Date.now()}`;

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  // /field once online (its lists kept on the phone), and the service worker in control.
  await page.goto(`/field?campaign=${campaignId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Porte-à-porte' })).toBeVisible();
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  await page.goto(`/campaigns/${campaignId}/turf`);
  const floor = page.getByRole('region', { name: 'Tour Kennedy B' }).getByRole('group', { name: 'Étage 7' });
  await expect(floor).toBeVisible();

  await context.setOffline(true);
  for (const door of absent) await floor.getByRole('button', { name: new RegExp(`^Porte ${door.label},`) }).click();
  await page.getByRole('button', { name: 'Absent', exact: true }).click();
  await expect(page.getByText('6 porte(s) gardée(s) sur ce téléphone : envoi dès le retour du réseau.')).toBeVisible();
  for (const door of absent) await expect(floor.getByRole('button', { name: `Porte ${door.label}, absent, en attente d’envoi` })).toBeVisible();

  // The seventh door: a talk, in the field form opened on that door (street, building and door filled in).
  await floor.getByRole('button', { name: new RegExp(`^Porte ${talk.label},`) }).click();
  await page.getByRole('link', { name: 'Noter une conversation à cette porte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Porte-à-porte' })).toBeVisible();
  await expect(page.locator('input[name=door]')).toHaveValue(talk.label);
  await expect(page.locator('input[name=building]')).toHaveValue('Tour Kennedy B');
  await page.getByLabel('A parlé', { exact: true }).check();
  await page.locator('input[name=firstName]').fill(firstName);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Enregistrée sur ce téléphone : elle partira dès le retour du réseau.')).toBeVisible();

  await page.goBack();
  await expect(floor.getByRole('button', { name: `Porte ${talk.label}, conversation, en attente d’envoi` })).toBeVisible();
  await screenshot(page, 'turf-offline');

  await context.setOffline(false);
  await expect(floor.locator('[data-pending]')).toHaveCount(0, { timeout: 30_000 });
  await expect(floor.getByRole('button', { name: `Porte ${talk.label}, conversation` })).toBeVisible();

  // Every door once: one visit more each, no more.
  const after = new Map((await floor7()).map((d) => [d.id, d]));
  for (const door of absent) expect(after.get(door.id), door.label).toMatchObject({ visits: door.visits + 1, lastOutcome: 'NOT_HOME' });
  expect(after.get(talk.id)).toMatchObject({ visits: talk.visits + 1, lastOutcome: 'TALKED' });
  for (const door of knockable.slice(7)) expect(after.get(door.id)!.visits, door.label).toBe(door.visits);
  const talks = await data<{ conversations: Array<{ door: string | null; building: string | null; contact: { firstName: string } | null }> }>(
    'query ($id: ID!) { conversations(campaignId: $id, first: 500) { door building contact { firstName } } }',
    { id: campaignId },
    token,
  );
  expect(talks.conversations.filter((c) => c.contact?.firstName === firstName)).toEqual([
    { door: talk.label, building: 'Tour Kennedy B', contact: { firstName } },
  ]);
});

test('the walk sheet prints to A4 PDF, with a QR code that decodes to the building’s /field link', async ({ page, baseURL }) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const campaignId = await seededCampaignId(token);
  const { buildings } = await data<{ buildings: Array<{ id: string; name: string | null }> }>(
    'query ($c: ID!) { buildings(campaignId: $c) { id name } }',
    { c: campaignId },
    token,
  );
  const kennedy = buildings.find((b) => b.name === 'Tour Kennedy B')!;
  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto(`/campaigns/${campaignId}/turf`);
  await page.getByRole('link', { name: 'Feuilles de route' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Feuilles de route' })).toBeVisible();
  const sheet = page.getByRole('article', { name: 'Tour Kennedy B' });
  const qr = sheet.getByRole('img', { name: /QR code/ });
  await expect(qr.locator('svg')).toBeVisible();
  await expectAccessible(page, '/campaigns/:id/turf?sheet');

  // Printed: a real PDF, one A4 page per building.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(buildings.length);

  // The QR code as printed, decoded by a real decoder (jsQR).
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toBe(`${baseURL}/field?building=${kennedy.id}`);
});

test('an organiser assigns a building to the leader; the QR link opens /field on it for the leader, and for the organiser whose turf it is not', async ({
  page,
  browser,
  baseURL,
}) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const leaderToken = await tokenFor(ACCOUNTS.leader);
  const campaignId = await seededCampaignId(token);
  const { me: leader } = await data<{ me: { id: string; displayName: string } }>('{ me { id displayName } }', {}, leaderToken);
  const { buildings } = await data<{ buildings: Array<{ id: string; name: string | null }> }>(
    'query ($c: ID!) { buildings(campaignId: $c) { id name } }',
    { c: campaignId },
    token,
  );
  const horizons = buildings.find((b) => b.name === 'Les Horizons')!;
  const ASSIGN = 'mutation ($b: [ID!]!, $u: [ID!]!) { assignTurf(buildingIds: $b, userIds: $u) { id } }';
  await data(ASSIGN, { b: [horizons.id], u: [] }, token); // nobody yet, whatever ran before

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto(`/campaigns/${campaignId}/turf`);
  const building = page.getByRole('region', { name: 'Les Horizons' });
  await expect(building.getByText('Assigné à personne pour l’instant.')).toBeVisible();
  await building.getByRole('button', { name: 'Assigner Les Horizons' }).click();
  const chooser = building.getByRole('group', { name: 'Qui fait Les Horizons ?' });
  await chooser.getByRole('checkbox', { name: leader.displayName, exact: true }).check();
  await expectAccessible(page, '/campaigns/:id/turf (assigning)');
  await building.getByRole('button', { name: 'Enregistrer l’affectation' }).click();
  await expect(building.getByText(`Assigné à : ${leader.displayName}.`)).toBeVisible();
  await expect(building.getByRole('status')).toHaveText('Affectation enregistrée.');
  const mine = await data<{ myTurf: Array<{ id: string }> }>('query ($c: ID) { myTurf(campaignId: $c) { id } }', { c: campaignId }, leaderToken);
  expect(mine.myTurf.map((b) => b.id)).toContain(horizons.id);

  // The organiser scans the walk sheet of a building that is not theirs: looked up by its id.
  await page.goto(`/field?building=${horizons.id}`);
  await expect(page.locator('input[name=building]')).toHaveValue('Les Horizons');
  await expect(page.locator('input[name=street]')).toHaveValue('Rue de Bourgogne');

  // The leader, on their own phone: the building is in their turf.
  const theirs = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fr-FR' });
  try {
    const phone = await theirs.newPage();
    await signIn(phone, ACCOUNTS.leader, /\/campaigns$/);
    await phone.goto(`/field?building=${horizons.id}`);
    await expect(phone.locator('input[name=building]')).toHaveValue('Les Horizons');
    await expect(phone.locator('input[name=street]')).toHaveValue('Rue de Bourgogne');
  } finally {
    await theirs.close();
  }
});
