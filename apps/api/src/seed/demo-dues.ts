import type { Gql } from './replay-fixture.js';

// A few years of dues for the Villejean demo, as "Si on s'alliait ?" practises them:
// 12 € a year, pay what you can (5 €, 2 €, 0 €), 24 € or 36 € that pay for other
// allies, 30 € leaving 18 € to the solidarity fund, and a membership granted from it.
// Recorded through the api (recordDuesPayment, grantSolidarityMembership) like any stall.

type Payment = { year: number; payer: number; cents: number; method: string; paysFor?: number[]; day?: string };

const PAYMENTS: Payment[] = [
  { year: 2023, payer: 0, cents: 1200, method: 'CASH' },
  { year: 2023, payer: 1, cents: 500, method: 'CASH' },
  { year: 2023, payer: 2, cents: 2400, method: 'CHEQUE', paysFor: [3] },
  { year: 2023, payer: 4, cents: 3000, method: 'TRANSFER' },
  { year: 2024, payer: 0, cents: 1200, method: 'CASH' },
  { year: 2024, payer: 1, cents: 0, method: 'CASH' },
  { year: 2024, payer: 2, cents: 2400, method: 'CHEQUE', paysFor: [3] },
  { year: 2024, payer: 5, cents: 1200, method: 'HELLOASSO' },
  { year: 2025, payer: 0, cents: 1200, method: 'CASH' },
  { year: 2025, payer: 2, cents: 2400, method: 'CASH', paysFor: [7] },
  { year: 2025, payer: 4, cents: 2400, method: 'TRANSFER' },
  { year: 2025, payer: 5, cents: 300, method: 'CASH' },
  { year: 2026, payer: 0, cents: 1200, method: 'CASH', day: '01-20' },
  { year: 2026, payer: 1, cents: 200, method: 'CASH', day: '01-20' },
  { year: 2026, payer: 2, cents: 3600, method: 'CHEQUE', paysFor: [3, 7], day: '01-20' },
  { year: 2026, payer: 8, cents: 600, method: 'CASH', day: '01-20' },
];

export async function seedDemoDues(gql: Gql, token: string, contactIds: string[], now = new Date()): Promise<void> {
  if (contactIds.length < 9) return;
  for (const [i, p] of PAYMENTS.entries()) {
    // The rentrée stall in September, or the date given; never in the future.
    const paidAt = new Date(`${p.year}-${p.day ?? '09-15'}T10:00:00Z`);
    if (paidAt > now) continue;
    await gql(
      `mutation($input: DuesPaymentInput!) { recordDuesPayment(input: $input) { id } }`,
      {
        input: {
          clientId: `demo-dues-${i}`,
          payerId: contactIds[p.payer],
          amountCents: p.cents,
          method: p.method,
          paidAt: paidAt.toISOString(),
          paysFor: (p.paysFor ?? []).map((k) => contactIds[k]),
        },
      },
      token,
    );
  }
  // 18 € + 12 € reached the fund: one ally who cannot pay is made a member from it.
  await gql(`mutation($id: ID!) { grantSolidarityMembership(contactId: $id) { id } }`, { id: contactIds[6] }, token);
}
