import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNTS, data, expect, expectAccessible, RESULTS, screenshot, signIn, test, tokenFor } from './fixtures.ts';

// Issue 10: dues recorded at a stall with no signal are kept in the phone's outbox,
// sent once when the network returns, and the receipt prints (amount in French words).

interface Payment {
  id: string;
  amountCents: number;
  method: string;
  receiptNumber: string;
}

test('dues recorded offline at a stall are sent once when the network returns, and the receipt prints to PDF', async ({ page, context }) => {
  test.setTimeout(120_000);
  const token = await tokenFor(ACCOUNTS.organiser);
  const lastName = `Stand-${Date.now()}`;
  const { createContact } = await data<{ createContact: { id: string } }>(
    'mutation ($input: ContactInput!) { createContact(input: $input) { id } }',
    { input: { firstName: 'Awa', lastName } },
    token,
  );
  const contactId = createContact.id;
  const payments = async () =>
    (
      await data<{ contact: { duesPayments: Payment[] } }>(
        'query ($id: ID!) { contact(id: $id) { duesPayments { id amountCents method receiptNumber } } }',
        { id: contactId },
        token,
      )
    ).contact.duesPayments;

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.goto(`/contacts/${contactId}`);
  const form = page.locator('form.dues-form');
  await expect(form).toBeVisible();

  // At the stall: no signal.
  await context.setOffline(true);
  await expect(page.getByText('Hors ligne', { exact: true })).toBeVisible();
  await expect(form.getByText('Hors ligne : la cotisation reste sur ce téléphone')).toBeVisible();
  await form.locator('input[name=amount]').fill('12');
  await form.getByRole('button', { name: 'Enregistrer la cotisation' }).click();

  await expect(form.locator('[data-dues-status]')).toHaveAttribute('data-dues-status', 'queued');
  await expect(form.getByText('Cotisation gardée sur ce téléphone')).toBeVisible();
  await expect(form.locator('[data-dues-waiting]')).toHaveAttribute('data-dues-waiting', '1');
  await expect(page.locator('[data-badge="outbox"]')).toHaveAttribute('data-count', '1');
  await screenshot(page, 'dues-offline-queued');
  expect(await payments()).toHaveLength(0);

  // The network returns: the payment leaves by itself, once.
  await context.setOffline(false);
  await expect(form.locator('[data-dues-waiting]')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('[data-badge="outbox"]')).toHaveCount(0);
  await expect.poll(async () => (await payments()).length).toBe(1);
  const [payment] = await payments();
  expect(payment).toMatchObject({ amountCents: 1200, method: 'CASH' });
  expect(payment!.receiptNumber).toMatch(/^\d{4}-\d{4}$/);

  // The contact page shows the new membership and its receipt, without a reload.
  const receiptLink = page
    .locator('.panel')
    .getByRole('link', { name: new RegExp(payment!.receiptNumber) })
    .first();
  await expect(receiptLink).toBeVisible();
  // A reload (a new sync on load) sends nothing again.
  await page.reload();
  await expect(page.locator('form.dues-form')).toBeVisible();
  await page.waitForTimeout(1_500);
  expect(await payments()).toHaveLength(1);

  await page
    .locator('.panel')
    .getByRole('link', { name: new RegExp(payment!.receiptNumber) })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/receipts/${payment!.id}$`));
  await expect(page.getByText('douze euros')).toBeVisible();
  await expect(page.getByText(payment!.receiptNumber).first()).toBeVisible();
  await expectAccessible(page, '/receipts/:id');
  await screenshot(page, 'dues-receipt');

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText('douze euros')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(RESULTS, 'dues-receipt.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // One A4 page.
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
});
