import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNTS, data, expect, expectAccessible, RESULTS, screenshot, seededCampaignId, signIn, test, tokenFor } from './fixtures.ts';
import { pdfShows } from './pdf-text.ts';

interface Negotiation {
  id: string;
  scheduledAt: string;
}

test('the negotiation brief is edited together, saved, and printed on A4', async ({ page }) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const campaignId = await seededCampaignId(token);
  const { campaign } = await data<{ campaign: { negotiations: Negotiation[] } }>(
    'query ($id: ID!) { campaign(id: $id) { negotiations { id scheduledAt } } }',
    { id: campaignId },
    token,
  );
  // The 2022 meeting with the new director: the fixture gives it a brief.
  const negotiation = campaign.negotiations.find((n) => n.scheduledAt.startsWith('2022-07-07'));
  expect(negotiation, JSON.stringify(campaign.negotiations)).toBeTruthy();
  const id = negotiation!.id;

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto(`/campaigns/${campaignId}`);
  await page.locator(`a[href="/negotiations/${id}/brief"]`).click();
  await expect(page).toHaveURL(new RegExp(`/negotiations/${id}/brief$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Préparation de la négociation' })).toBeVisible();
  const objective = page.locator('textarea[name=objective]');
  await expect(objective).toHaveValue("Date de réouverture de l'antenne dans le quartier");
  await expect(page.getByRole('region', { name: 'Évidence de nos permanences' })).toBeVisible();
  await expectAccessible(page, '/negotiations/:id/brief');

  const stamp = `e2e ${Date.now()}`;
  await objective.fill(`Date de réouverture de l'antenne dans le quartier (${stamp})`);
  await page.getByRole('button', { name: 'Ajouter un argument' }).click();
  const args = page.locator('[data-argument]');
  const last = args.last();
  await last.locator('select').selectOption('FACT');
  await last.locator('textarea').fill('30 personnes mobilisées le 23 juin, couverture par Ouest-France');
  const firstDemand = page.locator('input[name=demandIds]').first();
  await firstDemand.check();
  await expect(page.getByText('Modifications non enregistrées.')).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await expect(page.getByText(/^Enregistré le /)).toBeVisible();

  // Saved on the server: a reload shows it again.
  await page.reload();
  await expect(objective).toHaveValue(new RegExp(stamp));
  await expect(page.locator('[data-argument] textarea').last()).toHaveValue('30 personnes mobilisées le 23 juin, couverture par Ouest-France');
  await expect(page.locator('input[name=demandIds]').first()).toBeChecked();
  const saved = await data<{ negotiationBrief: { objective: string; arguments: Array<{ kind: string; text: string }> } }>(
    'query ($id: ID!) { negotiationBrief(negotiationId: $id) { objective arguments { kind text } } }',
    { id },
    token,
  );
  expect(saved.negotiationBrief.objective).toContain(stamp);
  expect(saved.negotiationBrief.arguments).toContainEqual({ kind: 'FACT', text: '30 personnes mobilisées le 23 juin, couverture par Ouest-France' });
  await screenshot(page, 'brief');

  // Print: the brief alone, no navigation, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Enregistrer la fiche' })).toBeHidden();
  const printable = page.locator('.printable-brief');
  await expect(printable).toBeVisible();
  await expect(printable).toContainText(stamp);
  await expect(printable).toContainText('Faits');
  await expect(printable).toContainText('Leurs promesses passées');
  // The evidence from the permanences prints with the brief: figures in sentences, by agency, consented quotes.
  const evidence = printable.locator('[data-section="evidence"]');
  await expect(evidence).toBeVisible();
  await expect(evidence.locator('h2')).toHaveText('Évidence de nos permanences');
  await expect(evidence).toContainText('36 dossiers suivis pour 30 personnes : 24 résolus, 6 sans solution, 6 en cours.');
  await expect(evidence).toContainText('Durée médiane jusqu’à la clôture : 52,0 jours.');
  await expect(evidence.locator('tbody th')).toHaveText(['CPAM', 'CAF']);
  await expect(evidence.locator('q')).toHaveCount(5);
  await screenshot(page, 'brief-print');

  const pdfPath = join(RESULTS, 'brief.pdf');
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  const pdf = readFileSync(pdfPath);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(statSync(pdfPath).size).toBeGreaterThan(5_000);
  // A4 is 595 × 842 points.
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) expect(box).toEqual([595, 842]);
  // On paper too: the text read back from the PDF (glyphs mapped through the fonts' ToUnicode).
  expect(pdfShows(pdf, stamp)).toBe(true);
  expect(pdfShows(pdf, 'Évidence de nos permanences')).toBe(true);
  expect(pdfShows(pdf, '36 dossiers suivis pour 30 personnes : 24 résolus, 6 sans solution, 6 en cours.')).toBe(true);
  expect(pdfShows(pdf, 'Durée médiane jusqu’à la clôture : 52,0 jours.')).toBe(true);
  expect(pdfShows(pdf, 'not in the brief at all')).toBe(false);
  await page.emulateMedia({ media: 'screen' });
});
