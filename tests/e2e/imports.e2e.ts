import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCOUNTS, expect, expectAccessible, screenshot, signIn, test } from './fixtures.ts';

// Importing a spreadsheet, as an organiser does it on a phone: upload French Excel's CSV,
// check the columns recognised, a dry run, then the import, its progress bar reaching the
// end and the refused rows with their row numbers. Then a large file: the progress bar
// moves, survives a reload (the job's id is in the address) and reaches the end.

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/imports');

async function progressDone(page: import('@playwright/test').Page, rows: number, timeout = 60_000) {
  const bar = page.getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuemax', String(rows));
  await expect(bar).toHaveAttribute('aria-valuenow', String(rows), { timeout });
  await expect(page.getByRole('status').filter({ hasText: 'Terminé' })).toBeVisible({ timeout });
}

test('upload → mapping → dry run → import: the progress bar reaches the end, refused rows listed', async ({ page }) => {
  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto('/contacts');
  await page.getByRole('link', { name: 'Importer un tableur' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importer des personnes' })).toBeVisible();
  await expectAccessible(page, '/contacts/import');

  await page.getByLabel('Fichier (CSV ou XLSX)').setInputFiles(join(fixtures, 'adherents-excel-fr.csv'));
  await page.getByRole('button', { name: 'Envoyer et analyser' }).click();
  await page.waitForURL(/\/contacts\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByText('7 lignes, encodage windows-1252.')).toBeVisible();
  await expect(page.getByLabel('Champ rempli par « Tél. »')).toHaveValue('phone');
  await expect(page.getByLabel('Champ rempli par « Étiquettes »')).toHaveValue('tags');
  await expect(page.getByText('Exemples : Zoé · Hélène · François')).toBeVisible();
  await expectAccessible(page, 'the analysis and mapping');

  await page.getByRole('button', { name: 'Essai à blanc' }).click();
  await progressDone(page, 7);
  await expect(page.getByText('Terminé (essai à blanc)')).toBeVisible();
  await expect(page.getByRole('row', { name: /^4 Tél\. « 12 34 » n’est pas un numéro de téléphone/ })).toBeVisible();

  await page.getByLabel('Étiquettes à ajouter à tout le monde').fill('import e2e');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'En cours' })
      .or(page.getByRole('status').filter({ hasText: /^Terminé —/ })),
  ).toBeVisible();
  await progressDone(page, 7);
  await expect(page.getByRole('row', { name: /^6 Courriel/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Télécharger les erreurs (CSV)' })).toBeVisible();
  await expectAccessible(page, 'a finished import');
  await screenshot(page, 'import-done');

  // The list of imports links back to it.
  await page.getByRole('link', { name: '← Tous les imports' }).click();
  await expect(page.getByRole('link', { name: 'adherents-excel-fr.csv' }).first()).toBeVisible();
});

test('a large file: the progress bar moves, survives a reload, and reaches the end', async ({ page }) => {
  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto('/contacts/import');
  const rows = 20_000;
  const lines = ['Prénom;Nom;Portable', ...Array.from({ length: rows }, (_, i) => `Personne${i};Essai;+3361${String(5_000_000 + i).padStart(7, '0')}`)];
  await page.getByLabel('Fichier (CSV ou XLSX)').setInputFiles({ name: 'grand-fichier.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await page.getByRole('button', { name: 'Envoyer et analyser' }).click();
  await page.waitForURL(/\/contacts\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByText('20000 lignes, encodage utf-8.')).toBeVisible();
  // A dry run: the same work, nothing written (the demo's contacts stay as they are for the other tests).
  await page.getByRole('button', { name: 'Essai à blanc' }).click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible();
  // The bar appears from the run's answer (nothing processed yet), before the worker's first
  // batch; that value counts as seen, so a loaded machine that finishes the file during the
  // reload below still shows the bar going from its start to its end (no race on the polls).
  const seen = new Set<string>([(await bar.getAttribute('aria-valuenow')) ?? '']);
  await page.reload();
  await expect(page.getByRole('progressbar')).toBeVisible();
  for (let i = 0; i < 600; i++) {
    const now = (await page.getByRole('progressbar').getAttribute('aria-valuenow')) ?? '';
    seen.add(now);
    if (now === String(rows)) break;
    await page.waitForTimeout(100);
  }
  await progressDone(page, rows);
  expect(seen.size, `values seen: ${[...seen].join(', ')}`).toBeGreaterThan(1);
  await expectAccessible(page, 'a large import, done');
});
