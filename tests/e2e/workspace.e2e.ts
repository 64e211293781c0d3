import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { ACCOUNTS, expect, expectAccessible, RESULTS, screenshot, signIn, test } from './fixtures.ts';

// A whole campaign run through the interface only: every step is a click or a
// keystroke in the web app, as an organiser would do it; nothing in this test
// calls the API. The ally follows along in another browser (a laptop).

const pad = (n: number) => String(n).padStart(2, '0');
/** A local date `days` from now, as <input type=date> / datetime-local take it. */
function day(days: number, time?: string): string {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return time ? `${date}T${time}` : date;
}

async function createContact(page: Page, firstName: string, lastName: string, phone: string): Promise<void> {
  await page.goto('/contacts');
  await page.getByRole('link', { name: 'Nouvelle personne' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle personne' })).toBeVisible();
  await page.getByLabel('Prénom').fill(firstName);
  await page.getByLabel('Nom', { exact: true }).fill(lastName);
  await page.getByLabel('Téléphone').fill(phone);
  await page.getByLabel('Concerné·e').check();
  await page.getByLabel('Accepte que nous gardions ses coordonnées').check();
  await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${firstName} ${lastName}` })).toBeVisible();
}

test('an organiser runs a campaign through the interface, and the ally sees it', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const stamp = String(Date.now()).slice(-6);
  const campaignName = `Ascenseurs de la tour ${stamp}`;
  const mayor = `Bailleur Archipel ${stamp}`;
  const people = [
    ['Fatou', `Diallo${stamp}`, '06 12 34 56 78'],
    ['Jean', `Martin${stamp}`, '06 23 45 67 89'],
    ['Awa', `Traoré${stamp}`, '06 34 56 78 90'],
  ] as const;

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);

  // Three people met, entered by hand; the first form is checked for accessibility.
  await page.goto('/contacts/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle personne' })).toBeVisible();
  // A wrong phone is refused next to its field; what was typed stays.
  await page.getByLabel('Prénom').fill('Test');
  await page.getByLabel('Téléphone').fill('12');
  await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
  await expect(page.locator('.field-error').first()).toContainText('numéro de téléphone');
  await expect(page.getByLabel('Prénom')).toHaveValue('Test');
  await expectAccessible(page, '/contacts/new');
  await screenshot(page, 'workspace-contact-new');
  for (const [first, last, phone] of people) await createContact(page, first, last, phone);
  await expectAccessible(page, '/contacts/:id');
  await screenshot(page, 'workspace-contact');

  // A new campaign.
  await page.goto('/campaigns');
  await page.getByRole('button', { name: 'Nouvelle campagne' }).click();
  await page.getByLabel('Nom de la campagne').fill(campaignName);
  await page.getByLabel('Objectif').fill('Des ascenseurs qui marchent dans la tour');
  await expectAccessible(page, '/campaigns (new campaign form)');
  await screenshot(page, 'workspace-new-campaign');
  await page.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect(page.getByRole('heading', { level: 1, name: campaignName })).toBeVisible();
  await expect(page).toHaveURL(/\/campaigns\/[^/]+$/);
  const dashboardUrl = page.url();

  // The decision-maker, then the demand that targets them.
  const decisionMakers = page.locator('[data-section="decisionMakers"]');
  await decisionMakers.getByRole('button', { name: 'Ajouter un·e décideur·se' }).click();
  await decisionMakers.getByLabel('Nom').fill(mayor);
  await decisionMakers.getByLabel('Fonction').fill('Directrice');
  await decisionMakers.getByLabel('Institution').fill('Archipel Habitat');
  await decisionMakers.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(decisionMakers.getByText(mayor, { exact: true })).toBeVisible();

  const demands = page.locator('[data-section="demands"]');
  await demands.getByRole('button', { name: 'Ajouter une revendication' }).click();
  // Sent empty: the API's refusal is shown in French next to the title.
  await demands.getByRole('button', { name: 'Ajouter la revendication' }).click();
  await expect(demands.locator('.field-error')).toContainText('À remplir.');
  await demands.getByLabel('Revendication', { exact: true }).fill('Réparation des deux ascenseurs sous un mois');
  await demands.getByLabel('Décideur·se visé·e').selectOption({ label: mayor });
  await demands.getByRole('button', { name: 'Ajouter la revendication' }).click();
  await expect(demands.locator('[data-demand]')).toContainText(`→ ${mayor}`);
  await expect(demands.locator('[data-figure="demands-DRAFT"] dd')).toHaveText('1');

  // Move to action, with a note.
  const stage = page.locator('[data-section="stage"]');
  await stage.getByRole('button', { name: 'Changer d’étape' }).click();
  await stage.getByLabel('Nouvelle étape').selectOption({ label: 'Action' });
  await stage.getByLabel('Note (ce qui s’est passé)').fill('Pas de réponse au courrier : on passe à l’action.');
  await stage.getByRole('button', { name: 'Changer d’étape' }).click();
  await expect(page.locator('.stepper [aria-current="step"]')).toContainText('Action');

  // Plan an action open to allies.
  const actionTitle = `Délégation chez le bailleur ${stamp}`;
  const actions = page.locator('[data-section="actions"]');
  await actions.getByRole('button', { name: 'Prévoir une action' }).click();
  await actions.getByLabel('Titre de l’action').fill(actionTitle);
  await actions.getByLabel('Type d’action').selectOption({ label: 'Délégation' });
  await actions.getByLabel('Date et heure').fill(day(10, '18:00'));
  await actions.getByLabel('Lieu').fill('Agence Archipel, Villejean');
  await actions.getByLabel(/Objectif de mobilisation/).fill('10');
  await actions.getByLabel(/Ouverte aux allié·es/).check();
  await actions.getByRole('button', { name: 'Prévoir l’action' }).click();
  await actions.getByRole('link', { name: actionTitle }).click();

  // The action page: invite three people, two commit, record the outcome.
  await expect(page.getByRole('heading', { level: 1, name: actionTitle })).toBeVisible();
  for (const [first, last] of people) {
    await page.getByLabel('Inviter quelqu’un : chercher').fill(last);
    await page.getByRole('button', { name: new RegExp(`${first} ${last}`) }).click();
    await expect(page.getByRole('status').filter({ hasText: `${first} ${last} est invité·e.` })).toBeVisible();
  }
  await expect(page.locator('[data-participant]')).toHaveCount(3);
  for (const [first, last] of people.slice(0, 2)) {
    await page.getByLabel(`Réponse de ${first} ${last}`).selectOption({ label: 'Engagé·e' });
  }
  await expect(page.locator('[data-figure="turnout"]')).toContainText('2 engagé·es pour un objectif de 10');
  // The day of the action: Fatou came, Jean did not (both still count as having committed).
  await page.getByLabel(`Réponse de ${people[0][0]} ${people[0][1]}`).selectOption({ label: 'Venu·e' });
  await expect(page.locator('[data-figure="turnout"]')).toContainText('1 personne venue');
  await page.getByLabel(`Réponse de ${people[1][0]} ${people[1][1]}`).selectOption({ label: 'Pas venu·e' });
  await expect(page.locator('[data-figure="turnout"]')).toContainText('2 engagé·es pour un objectif de 10');
  await page.getByLabel('Ce qui s’est passé').fill('Reçus par la directrice : elle promet un devis.');
  await page.getByRole('button', { name: 'Enregistrer le bilan' }).click();
  await expect(page.getByText('Bilan enregistré.')).toBeVisible();
  await expectAccessible(page, '/actions/:id');
  await screenshot(page, 'workspace-action');

  // Back to the dashboard: plan the negotiation, record the promise at the table, then it is broken.
  await page.getByRole('link', { name: campaignName }).click();
  await expect(page.getByRole('heading', { level: 1, name: campaignName })).toBeVisible();
  const negotiations = page.locator('[data-section="negotiations"]');
  await negotiations.getByRole('button', { name: 'Prévoir une rencontre' }).click();
  await negotiations.getByLabel('Date et heure de la rencontre').fill(day(20, '10:00'));
  await negotiations.getByLabel(mayor).check();
  await negotiations.getByRole('button', { name: 'Prévoir la rencontre' }).click();
  const meeting = negotiations.locator('[data-negotiation]');
  await expect(meeting.getByRole('link', { name: /Préparer la rencontre du/ })).toBeVisible();

  // The campaign moves to negotiation; the team prepares the brief, saves and prints it.
  await stage.getByRole('button', { name: 'Changer d’étape' }).click();
  await stage.getByLabel('Nouvelle étape').selectOption({ label: 'Négociation' });
  await stage.getByRole('button', { name: 'Changer d’étape' }).click();
  await expect(page.locator('.stepper [aria-current="step"]')).toContainText('Négociation');
  await meeting.getByRole('link', { name: /Préparer la rencontre du/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Préparation de la négociation' })).toBeVisible();
  await page.locator('textarea[name=objective]').fill('Une date de réparation des deux ascenseurs, par écrit');
  await page.getByRole('button', { name: 'Ajouter un argument' }).click();
  await page.locator('[data-argument]').last().locator('textarea').fill('Trois familles bloquées au 12e étage depuis six semaines');
  await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await expect(page.getByText(/^Enregistré le /)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.printable-brief')).toContainText('Trois familles bloquées au 12e étage');
  await page.pdf({ path: join(RESULTS, 'workspace-brief.pdf'), preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await page.goto(dashboardUrl);
  await expect(page.getByRole('heading', { level: 1, name: campaignName })).toBeVisible();
  await meeting.getByRole('button', { name: 'Noter une promesse obtenue' }).click();
  const promise = 'Devis de réparation envoyé sous quinze jours';
  await meeting.getByLabel('Ce qui est promis').fill(promise);
  await meeting.getByLabel('Pour le').fill(day(35));
  await meeting.getByRole('button', { name: 'Noter la promesse' }).click();
  await expect(meeting).toContainText(promise);
  await expect(page.locator('tr[data-row="decisionMakers"] td[data-status="OPEN"]')).toHaveText('1');

  const open = page.locator('[data-section="openCommitments"] li', { hasText: promise });
  await open.getByLabel(/Note sur la promesse/).fill('Aucun devis reçu.');
  await open.getByRole('button', { name: 'Rompue' }).click();
  await expect(page.locator('tr[data-row="decisionMakers"] td[data-status="BROKEN"]')).toHaveText('1');
  await expect(meeting).toContainText('promesse rompue');

  // A broken promise: back to action.
  await stage.getByRole('button', { name: 'Changer d’étape' }).click();
  await stage.getByLabel('Nouvelle étape').selectOption({ label: 'Action' });
  await stage.getByLabel('Note (ce qui s’est passé)').fill('Promesse rompue : nouvelle action.');
  await stage.getByRole('button', { name: 'Changer d’étape' }).click();
  await expect(page.locator('.stepper [aria-current="step"]')).toContainText('Action');

  // A win: the ally sees it to celebrate (laptop), then the organiser marks it celebrated.
  const winTitle = `Un ascenseur réparé ${stamp}`;
  const wins = page.locator('[data-section="wins"]');
  await wins.getByRole('button', { name: 'Noter une victoire' }).click();
  await wins.getByLabel('Ce qui a été gagné').fill(winTitle);
  await wins.getByLabel('petite victoire').check();
  await wins.getByRole('button', { name: 'Noter la victoire' }).click();
  await expect(wins.locator('[data-figure="toCelebrate"]')).toHaveText('1 victoire à fêter.');

  const allyContext = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  const ally = await allyContext.newPage();
  await signIn(ally, ACCOUNTS.ally, /\/allies$/);
  await expect(ally.getByRole('region', { name: 'Prochaines actions' }).getByText(actionTitle)).toBeVisible();
  await expect(ally.getByRole('region', { name: 'Victoires à fêter' }).getByText(winTitle)).toBeVisible();
  await expect(ally.getByRole('region', { name: 'Où en sont les campagnes' }).locator('li', { hasText: campaignName })).toContainText('Action');
  // Nobody's name reaches the ally.
  for (const [first, last] of people) await expect(ally.getByText(`${first} ${last}`)).toHaveCount(0);
  // The feed: webcal://, an https address to copy, Google and Outlook links.
  await expect(ally.locator('a[data-calendar]')).toHaveAttribute('href', /^webcal:\/\//);
  await expect(ally.getByLabel('Adresse du calendrier (https)')).toHaveValue(/^https?:\/\/.+\.ics$/);
  await expect(ally.locator('a[data-calendar-link="google"]')).toHaveAttribute('href', /^https:\/\/calendar\.google\.com\/.+cid=webcal/);
  await expect(ally.locator('a[data-calendar-link="outlook"]')).toHaveAttribute('href', /^https:\/\/outlook\.live\.com\/.+addfromweb\?url=/);
  await expectAccessible(ally, '/allies (laptop)');
  await screenshot(ally, 'workspace-allies-laptop');

  await wins.getByRole('button', { name: `Fêtée ! (${winTitle})` }).click();
  await expect(wins.locator(`li`, { hasText: winTitle })).toContainText('fêtée');
  await expect(wins.locator('[data-figure="toCelebrate"]')).toHaveText('0 victoire à fêter.');

  // Every step on the dashboard, read again from the server.
  await page.goto(dashboardUrl);
  await expect(page.locator('.stepper [aria-current="step"]')).toContainText('Action');
  await page.locator('summary', { hasText: 'Historique' }).click();
  await expect(page.getByText('Pas de réponse au courrier : on passe à l’action.')).toBeVisible();
  await expect(page.locator('[data-section="demands"] [data-demand]')).toContainText(mayor);
  await expect(page.locator('[data-section="actions"] [data-action]', { hasText: actionTitle })).toContainText(
    'présent·es : 1 · engagé·es : 2 · objectif : 10',
  );
  await expect(page.locator('tr[data-row="decisionMakers"] td[data-status="BROKEN"]')).toHaveText('1');
  await expect(page.locator('[data-section="wins"] li', { hasText: winTitle })).toContainText('fêtée');
  await expectAccessible(page, '/campaigns/:id (workspace)');
  await screenshot(page, 'workspace-dashboard');

  // The ally view once celebrated: the win has been celebrated, the action is still there.
  await ally.reload();
  await expect(ally.getByRole('region', { name: 'Prochaines actions' }).getByText(actionTitle)).toBeVisible();
  await expect(ally.getByText(winTitle)).toHaveCount(0);
  await allyContext.close();
});
