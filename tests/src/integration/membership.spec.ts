// Membership and dues as "Si on s'alliait ?" practise them, replayed with numbers
// worked out by hand. The clock of this run is whatever it is: dates are chosen in
// the past (payments may not be in the future), in the default Europe/Paris calendar.
// 12 € = 1200 cents, the default suggested dues; a calendar year runs from
// 1 January 00:00 Paris (23:00 UTC the day before, winter time).
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import { seedDemoDues } from '../../../apps/api/src/seed/demo-dues.js';

const Y = (year: number) => `${year - 1}-12-31T23:00:00.000Z`; // 1 January of `year`, Paris
const PAY = `mutation($input: DuesPaymentInput!) {
  recordDuesPayment(input: $input) {
    id amountCents method paidAt reference receiptNumber toSolidarityFundCents cancelledAt
    payer { id }
    memberships { id startsAt endsAt fromSolidarityFund contact { id firstName } fundedBy { id } payment { id } }
  }
}`;
const CONTACT = `query($id: ID!) { contact(id: $id) { membershipStatus membershipEndsAt memberships { startsAt endsAt fromSolidarityFund fundedBy { id } } duesPayments { receiptNumber amountCents } } }`;
const FUND = `{ solidarityFund { balanceCents contributedCents usedCents } }`;
const REPORT = `query($year: Int!) { membershipReport(year: $year) { year members newMembers renewed lapsed payingWhatTheyCan paidByAnother duesCents byAllyRole { allyRole members } } }`;

describe('membership and dues', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function org(name = 'Si on s’alliait ?') {
    const { token, organization } = await registerOrganization(t, name);
    const person = async (firstName: string, allyRoles: string[] = []) =>
      (await t.ok(`mutation($input: ContactInput!) { createContact(input: $input) { id } }`, { input: { firstName, lastName: 'Test', allyRoles } }, token))
        .createContact.id as string;
    const pay = async (input: Record<string, unknown>, as = token) => (await t.ok(PAY, { input: { method: 'CASH', ...input } }, as)).recordDuesPayment;
    const contact = async (id: string) => (await t.ok(CONTACT, { id }, token)).contact;
    const fund = async () => (await t.ok(FUND, undefined, token)).solidarityFund;
    return { token, organizationId: organization.id as string, person, pay, contact, fund };
  }

  describe('the association’s rules', () => {
    let o: Awaited<ReturnType<typeof org>>;
    beforeAll(async () => {
      o = await org();
    });

    it('12 € makes the payer a member for the calendar year, receipt 2026-0001', async () => {
      const fatima = await o.person('Fatima');
      const p = await o.pay({ payerId: fatima, amountCents: 1200, paidAt: '2026-03-02T10:00:00Z', reference: 'stand du marché' });
      expect(p).toMatchObject({ amountCents: 1200, receiptNumber: '2026-0001', toSolidarityFundCents: 0, cancelledAt: null, payer: { id: fatima } });
      expect(p.memberships).toEqual([
        {
          id: expect.any(String),
          startsAt: Y(2026),
          endsAt: Y(2027),
          fromSolidarityFund: false,
          contact: { id: fatima, firstName: 'Fatima' },
          fundedBy: null,
          payment: { id: p.id },
        },
      ]);
      expect(await o.contact(fatima)).toMatchObject({
        membershipStatus: 'CURRENT',
        membershipEndsAt: Y(2027),
        duesPayments: [{ receiptNumber: '2026-0001', amountCents: 1200 }],
      });
    });

    it('5 € and 0 € make members too (pay what you can), with the next receipt numbers', async () => {
      const karim = await o.person('Karim');
      const zoe = await o.person('Zoé');
      const five = await o.pay({ payerId: karim, amountCents: 500, paidAt: '2026-03-02T11:00:00Z' });
      const zero = await o.pay({ payerId: zoe, amountCents: 0, paidAt: '2026-03-02T12:00:00Z' });
      expect([five.receiptNumber, zero.receiptNumber]).toEqual(['2026-0002', '2026-0003']);
      expect(five.memberships).toMatchObject([{ startsAt: Y(2026), endsAt: Y(2027), contact: { id: karim } }]);
      expect(zero.memberships).toMatchObject([{ startsAt: Y(2026), endsAt: Y(2027), contact: { id: zoe } }]);
      expect(five.toSolidarityFundCents + zero.toSolidarityFundCents).toBe(0);
      expect((await o.contact(zoe)).membershipStatus).toBe('CURRENT');
    });

    it('24 € for a named ally: two memberships, the second funded by the payer', async () => {
      const helene = await o.person('Hélène');
      const moussa = await o.person('Moussa');
      const p = await o.pay({ payerId: helene, amountCents: 2400, paysFor: [moussa], paidAt: '2026-04-01T10:00:00Z' });
      expect(p.toSolidarityFundCents).toBe(0);
      expect(p.memberships.map((m: any) => [m.contact.id, m.fundedBy?.id ?? null, m.startsAt, m.endsAt])).toEqual([
        [helene, null, Y(2026), Y(2027)],
        [moussa, helene, Y(2026), Y(2027)],
      ]);
      expect((await o.contact(moussa)).memberships).toEqual([{ startsAt: Y(2026), endsAt: Y(2027), fromSolidarityFund: false, fundedBy: { id: helene } }]);
    });

    it('30 € with no one named: own membership and 18 € to the solidarity fund', async () => {
      const before = await o.fund();
      const rose = await o.person('Rose');
      const p = await o.pay({ payerId: rose, amountCents: 3000, paidAt: '2026-04-02T10:00:00Z' });
      expect(p.memberships).toHaveLength(1);
      expect(p.toSolidarityFundCents).toBe(1800);
      expect(await o.fund()).toEqual({
        balanceCents: before.balanceCents + 1800,
        contributedCents: before.contributedCents + 1800,
        usedCents: before.usedCents,
      });
    });

    it('a payment in December 2026 when 2026 is covered renews for 2027', async () => {
      const ali = await o.person('Ali');
      await o.pay({ payerId: ali, amountCents: 1200, paidAt: '2026-02-01T10:00:00Z' });
      const december = await o.pay({ payerId: ali, amountCents: 1200, paidAt: '2026-12-01T09:00:00Z' });
      expect(december.receiptNumber).toMatch(/^2026-\d{4}$/);
      expect(december.memberships).toMatchObject([{ startsAt: Y(2027), endsAt: Y(2028) }]);
      const c = await o.contact(ali);
      expect(c.membershipEndsAt).toBe(Y(2028));
      expect(c.memberships.map((m: any) => m.startsAt)).toEqual([Y(2027), Y(2026)]); // newest first
    });

    it('a cancelled 24 € payment removes both memberships, keeps its receipt number and says so in the audit log', async () => {
      const payer = await o.person('Awa');
      const ally = await o.person('Samir');
      const p = await o.pay({ payerId: payer, amountCents: 2400, paysFor: [ally], paidAt: '2026-05-01T10:00:00Z' });
      const cancelled = (
        await t.ok(
          `mutation($id: ID!) { cancelDuesPayment(id: $id, reason: "saisi deux fois") { id receiptNumber cancelledAt cancelReason memberships { id } } }`,
          { id: p.id },
          o.token,
        )
      ).cancelDuesPayment;
      expect(cancelled).toMatchObject({ receiptNumber: p.receiptNumber, cancelReason: 'saisi deux fois', memberships: [] });
      expect(cancelled.cancelledAt).not.toBeNull();
      for (const id of [payer, ally]) expect(await o.contact(id)).toMatchObject({ membershipStatus: 'NEVER', membershipEndsAt: null, memberships: [] });
      const next = await o.pay({ payerId: payer, amountCents: 1200, paidAt: '2026-05-01T11:00:00Z' });
      expect(Number(next.receiptNumber.slice(5))).toBe(Number(p.receiptNumber.slice(5)) + 1); // never reused
      const { auditLog } = await t.ok(`{ auditLog { action subjectType subjectId } }`, undefined, o.token);
      expect(
        auditLog
          .filter((e: any) => e.action === 'REMOVE_MEMBERSHIP')
          .map((e: any) => e.subjectId)
          .sort(),
      ).toEqual(p.memberships.map((m: any) => m.id).sort());
      expect(auditLog).toContainEqual({ action: 'CANCEL_DUES_PAYMENT', subjectType: 'DuesPayment', subjectId: p.id });
      expect(auditLog).toContainEqual({ action: 'RECORD_DUES_PAYMENT', subjectType: 'DuesPayment', subjectId: p.id });
      const again = await t.gql(`mutation($id: ID!) { cancelDuesPayment(id: $id, reason: "encore") { id } }`, { id: p.id }, o.token);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    });
  });

  it('grants a membership when the fund holds 12 €, refuses at 11 €, and writes nothing then', async () => {
    const o = await org('Fonds');
    const giver = await o.person('Giver');
    const first = await o.person('First');
    const second = await o.person('Second');
    await o.pay({ payerId: giver, amountCents: 2400, paidAt: '2026-01-10T10:00:00Z' }); // 12 € own + 12 € to the fund
    expect((await o.fund()).balanceCents).toBe(1200);
    const granted = (
      await t.ok(
        `mutation($id: ID!) { grantSolidarityMembership(contactId: $id) { startsAt endsAt fromSolidarityFund payment { id } fundedBy { id } contact { id } } }`,
        { id: first },
        o.token,
      )
    ).grantSolidarityMembership;
    expect(granted).toEqual({ startsAt: Y(2026), endsAt: Y(2027), fromSolidarityFund: true, payment: null, fundedBy: null, contact: { id: first } });
    expect(await o.fund()).toEqual({ balanceCents: 0, contributedCents: 1200, usedCents: 1200 });

    await o.pay({ payerId: giver, amountCents: 2300, paidAt: '2026-02-10T10:00:00Z' }); // renews for 2027 at 12 €, 11 € to the fund
    expect((await o.fund()).balanceCents).toBe(1100);
    const refused = await t.gql(`mutation($id: ID!) { grantSolidarityMembership(contactId: $id) { id } }`, { id: second }, o.token);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toContain('1100');
    expect((await o.contact(second)).memberships).toEqual([]);
    expect(await o.fund()).toEqual({ balanceCents: 1100, contributedCents: 2300, usedCents: 1200 });

    // 1 € more reaches 12 €: the grant goes through; the 1 € payment can no longer be cancelled, its share is spent.
    const topUp = await o.pay({ payerId: giver, amountCents: 100, coversPayer: false, paidAt: '2026-02-11T10:00:00Z' });
    expect(topUp).toMatchObject({ memberships: [], toSolidarityFundCents: 100 });
    await t.ok(`mutation($id: ID!) { grantSolidarityMembership(contactId: $id) { id } }`, { id: second }, o.token);
    expect(await o.fund()).toEqual({ balanceCents: 0, contributedCents: 2400, usedCents: 2400 });
    const blocked = await t.gql(`mutation($id: ID!) { cancelDuesPayment(id: $id, reason: "erreur") { id } }`, { id: topUp.id }, o.token);
    expect(blocked.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('rolling year: 12 months from the payment, renewals from the end of the running membership', async () => {
    const o = await org('Roulant');
    await t.ok(`mutation { updateMembershipSettings(input: { periodKind: ROLLING_YEAR }) { periodKind } }`, undefined, o.token);
    const nadia = await o.person('Nadia');
    const first = await o.pay({ payerId: nadia, amountCents: 1200, paidAt: '2026-03-15T10:00:00Z' });
    expect(first.memberships).toMatchObject([{ startsAt: '2026-03-15T10:00:00.000Z', endsAt: '2027-03-15T10:00:00.000Z' }]);
    const renewal = await o.pay({ payerId: nadia, amountCents: 1200, paidAt: '2026-11-01T08:00:00Z' });
    expect(renewal.memberships).toMatchObject([{ startsAt: '2027-03-15T10:00:00.000Z', endsAt: '2028-03-15T10:00:00.000Z' }]);
    // Lapsed people start again from the day they pay.
    const late = await o.person('Late');
    await o.pay({ payerId: late, amountCents: 1200, paidAt: '2024-06-01T10:00:00Z' });
    const back = await o.pay({ payerId: late, amountCents: 1200, paidAt: '2026-01-20T10:00:00Z' });
    expect(back.memberships).toMatchObject([{ startsAt: '2026-01-20T10:00:00.000Z', endsAt: '2027-01-20T10:00:00.000Z' }]);
  });

  it('statuses from the memberships, the contacts filter and membersToRenew', async () => {
    const o = await org('Statuts');
    await t.ok(`mutation { updateMembershipSettings(input: { periodKind: ROLLING_YEAR, graceDays: 60 }) { graceDays } }`, undefined, o.token);
    const now = Date.now();
    const daysAgo = (d: number) => new Date(now - d * 86_400_000);
    const yearBefore = (d: Date) => new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()));
    const current = await o.person('Current');
    const soon = await o.person('Soon');
    const grace = await o.person('Grace');
    const lapsed = await o.person('Lapsed');
    const never = await o.person('Never');
    await o.pay({ payerId: current, amountCents: 1200, paidAt: daysAgo(10).toISOString() }); // ends in ~355 days
    await o.pay({ payerId: soon, amountCents: 1200, paidAt: yearBefore(new Date(now + 10 * 86_400_000)).toISOString() }); // ends in 10 days
    await o.pay({ payerId: grace, amountCents: 1200, paidAt: yearBefore(daysAgo(20)).toISOString() }); // ended 20 days ago
    await o.pay({ payerId: lapsed, amountCents: 1200, paidAt: yearBefore(daysAgo(90)).toISOString() }); // ended 90 days ago
    const status = async (id: string) => (await o.contact(id)).membershipStatus;
    expect([await status(current), await status(soon), await status(grace), await status(lapsed), await status(never)]).toEqual([
      'CURRENT',
      'CURRENT',
      'GRACE',
      'LAPSED',
      'NEVER',
    ]);

    const LIST = `query($s: MembershipStatus) { contacts(filter: { membershipStatus: $s }) { totalCount edges { node { id membershipStatus } } } }`;
    const ids = async (s: string) => (await t.ok(LIST, { s }, o.token)).contacts.edges.map((e: any) => e.node.id).sort();
    expect(await ids('CURRENT')).toEqual([current, soon].sort());
    expect(await ids('GRACE')).toEqual([grace]);
    expect(await ids('LAPSED')).toEqual([lapsed]);
    expect(await ids('NEVER')).toEqual([never]);

    const renew = (await t.ok(`{ membersToRenew(withinDays: 30) { id membershipStatus } }`, undefined, o.token)).membersToRenew;
    expect(renew).toEqual([
      { id: grace, membershipStatus: 'GRACE' },
      { id: soon, membershipStatus: 'CURRENT' },
    ]); // soonest end first

    // Grace days are the organisation's: at 10 days, the one who ended 20 days ago has lapsed.
    await t.ok(`mutation { updateMembershipSettings(input: { graceDays: 10 }) { graceDays } }`, undefined, o.token);
    expect(await status(grace)).toBe('LAPSED');
    expect(await ids('LAPSED')).toEqual([grace, lapsed].sort());
  });

  it('the year’s report: members, new, renewed, lapsed, pay what you can, paid by another, dues, by hat', async () => {
    const o = await org('Rapport annuel');
    const A = await o.person('A', ['AFFECTED']);
    const B = await o.person('B', ['SOLIDARITY']);
    const C = await o.person('C', ['AFFECTED', 'SUPPORTER']);
    const D = await o.person('D', ['AFFECTED']);
    const E = await o.person('E', ['SUPPORTER']);
    const F = await o.person('F', ['STAFF']);
    const G = await o.person('G', ['STAFF']);
    await o.pay({ payerId: F, amountCents: 1200, paidAt: '2023-05-01T10:00:00Z' });
    await o.pay({ payerId: A, amountCents: 1200, paidAt: '2024-03-01T10:00:00Z' });
    await o.pay({ payerId: B, amountCents: 1200, paidAt: '2024-03-01T11:00:00Z' });
    await o.pay({ payerId: A, amountCents: 1200, paidAt: '2025-03-01T10:00:00Z' }); // renewed
    await o.pay({ payerId: C, amountCents: 500, paidAt: '2025-03-02T10:00:00Z' }); // new, paid what they could
    await o.pay({ payerId: E, amountCents: 2400, paysFor: [D], paidAt: '2025-04-01T10:00:00Z' }); // E new; D new, paid by another
    await o.pay({ payerId: F, amountCents: 0, paidAt: '2025-06-01T10:00:00Z' }); // back after a gap: neither new nor renewed; 0 €
    const mistake = await o.pay({ payerId: G, amountCents: 1200, paidAt: '2025-06-02T10:00:00Z' });
    await t.ok(`mutation($id: ID!) { cancelDuesPayment(id: $id, reason: "erreur") { id } }`, { id: mistake.id }, o.token);

    // 2025: members A C D E F = 5; new C D E = 3; renewed A = 1; lapsed B = 1;
    // pay what you can C (5 €) and F (0 €) = 2; paid by another D = 1;
    // dues 12 + 5 + 24 + 0 = 41 € (the cancelled 12 € excluded);
    // hats: AFFECTED A C D = 3, SUPPORTER C E = 2, STAFF F = 1, SOLIDARITY 0 (B lapsed).
    expect((await t.ok(REPORT, { year: 2025 }, o.token)).membershipReport).toEqual({
      year: 2025,
      members: 5,
      newMembers: 3,
      renewed: 1,
      lapsed: 1,
      payingWhatTheyCan: 2,
      paidByAnother: 1,
      duesCents: 4100,
      byAllyRole: [
        { allyRole: 'AFFECTED', members: 3 },
        { allyRole: 'SUPPORTER', members: 2 },
        { allyRole: 'STAFF', members: 1 },
        { allyRole: 'SOLIDARITY', members: 0 },
      ],
    });
    // 2024: A B new; F lapsed (member in 2023 only); dues 24 €.
    expect((await t.ok(REPORT, { year: 2024 }, o.token)).membershipReport).toMatchObject({ members: 2, newMembers: 2, renewed: 0, lapsed: 1, duesCents: 2400 });
    // 2026: nobody paid; the five of 2025 lapsed.
    expect((await t.ok(REPORT, { year: 2026 }, o.token)).membershipReport).toMatchObject({ members: 0, lapsed: 5, duesCents: 0 });
  });

  describe('bad input: the field named, nothing written', () => {
    let o: Awaited<ReturnType<typeof org>>;
    let payer: string;
    let foreign: string;
    beforeAll(async () => {
      o = await org('Refus');
      payer = await o.person('Payer');
      foreign = await (await org('Autre')).person('Foreign');
    });

    const count = async () => Number((await t.db.query(`SELECT count(*) FROM dues_payments WHERE organization_id = $1`, [o.organizationId])).rows[0].count);

    it('refuses payments', async () => {
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ payerId: 'P', amountCents: -1 }, 'BAD_USER_INPUT', 'input.amountCents'],
        [{ payerId: 'P', amountCents: 1200, paidAt: new Date(Date.now() + 86_400_000).toISOString() }, 'BAD_USER_INPUT', 'input.paidAt'],
        [{ payerId: '00000000-0000-4000-8000-000000000000', amountCents: 1200 }, 'NOT_FOUND', 'input.payerId'],
        [{ payerId: 'F', amountCents: 1200 }, 'NOT_FOUND', 'input.payerId'],
        [{ payerId: 'P', amountCents: 2400, paysFor: ['F'] }, 'NOT_FOUND', 'input.paysFor[0]'],
        [{ payerId: 'P', amountCents: 2400, paysFor: ['P'] }, 'BAD_USER_INPUT', 'input.paysFor[0]'],
      ];
      const before = await count();
      for (const [input, code, field] of cases) {
        const resolved = JSON.parse(JSON.stringify(input).replaceAll('"P"', JSON.stringify(payer)).replaceAll('"F"', JSON.stringify(foreign)));
        const res = await t.gql(PAY, { input: { method: 'CASH', ...resolved } }, o.token);
        expect({ field, code: res.errors?.[0].extensions?.code }).toEqual({ field, code });
        expect(res.errors?.[0].message).toContain(field);
      }
      expect(await count()).toBe(before);
      // The counter rolled back with the refused payments: the first receipt is 0001.
      expect((await o.pay({ payerId: payer, amountCents: 1200, paidAt: '2026-01-05T10:00:00Z' })).receiptNumber).toBe('2026-0001');
    });

    it('refuses settings out of range', async () => {
      for (const [input, field] of [
        [{ suggestedDuesCents: -1 }, 'input.suggestedDuesCents'],
        [{ suggestedDuesCents: 100_001 }, 'input.suggestedDuesCents'],
        [{ graceDays: 366 }, 'input.graceDays'],
        [{ graceDays: -1 }, 'input.graceDays'],
        [{ renewalReminderDays: 400 }, 'input.renewalReminderDays'],
        [{ currency: 'euros' }, 'input.currency'],
      ] as const) {
        const res = await t.gql(
          `mutation($input: MembershipSettingsInput!) { updateMembershipSettings(input: $input) { suggestedDuesCents } }`,
          { input },
          o.token,
        );
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect(
        (await t.ok(`{ membershipSettings { suggestedDuesCents currency periodKind graceDays renewalReminderDays } }`, undefined, o.token)).membershipSettings,
      ).toEqual({
        suggestedDuesCents: 1200,
        currency: 'EUR',
        periodKind: 'CALENDAR_YEAR',
        graceDays: 60,
        renewalReminderDays: 30,
      });
      const { auditLog } = await t.ok(`{ auditLog { action } }`, undefined, o.token);
      expect(auditLog.filter((e: any) => e.action === 'UPDATE_MEMBERSHIP_SETTINGS')).toEqual([]);
      await t.ok(`mutation { updateMembershipSettings(input: { suggestedDuesCents: 0 }) { suggestedDuesCents } }`, undefined, o.token);
      expect((await t.ok(`{ auditLog { action subjectId } }`, undefined, o.token)).auditLog[0]).toEqual({
        action: 'UPDATE_MEMBERSHIP_SETTINGS',
        subjectId: o.organizationId,
      });
    });
  });

  it('one payment for one clientId, even sent at the same moment; gap-free receipts under 20 concurrent payments', async () => {
    const o = await org('Concurrence');
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => o.person(`P${i}`)));
    const same = await Promise.all(
      [1, 2, 3].map(() => t.gql(PAY, { input: { clientId: 'phone-1:42', payerId: people[0], amountCents: 1200, method: 'CASH' } }, o.token)),
    );
    const ids = new Set(same.map((r) => r.data?.recordDuesPayment.id));
    expect(same.every((r) => !r.errors)).toBe(true);
    expect(ids.size).toBe(1);
    expect(same[0].data?.recordDuesPayment.memberships).toHaveLength(1);

    const many = await Promise.all(people.map((payerId, i) => o.pay({ payerId, amountCents: 100 * i, paysFor: [], clientId: `c-${i}` })));
    const year = new Date().getUTCFullYear();
    const numbers = [same[0].data!.recordDuesPayment.receiptNumber, ...many.map((p) => p.receiptNumber)].sort();
    expect(numbers).toEqual(Array.from({ length: 21 }, (_, i) => `${year}-${String(i + 1).padStart(4, '0')}`));
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1 AND contact_id = $2`, [
      o.organizationId,
      people[0],
    ]);
    expect(rows[0].n).toBe(2); // the clientId payment (2026) and its second payment (renewed for the next year)
  });

  it('allies never see membership or payments; leaders record, organisers cancel and list', async () => {
    const o = await org('Rôles');
    const ally = await addMember(t, o.token, 'ALLY');
    const leader = await addMember(t, o.token, 'LEADER');
    const payer = await o.person('Payer');
    for (const query of [
      `{ membershipSettings { suggestedDuesCents } }`,
      `{ membershipReport(year: 2026) { members } }`,
      `{ solidarityFund { balanceCents } }`,
      `{ duesPayments { id } }`,
      `{ membersToRenew { id } }`,
      `mutation { recordDuesPayment(input: { payerId: "${payer}", amountCents: 1200, method: CASH }) { id } }`,
      `mutation { grantSolidarityMembership(contactId: "${payer}") { id } }`,
      `{ contact(id: "${payer}") { membershipStatus } }`,
    ]) {
      const res = await t.gql(query, undefined, ally.token);
      expect({ query, code: res.errors?.[0].extensions?.code }).toEqual({ query, code: 'FORBIDDEN' });
    }
    const p = (await t.ok(PAY, { input: { payerId: payer, amountCents: 1200, method: 'CHEQUE', reference: 'chèque 123' } }, leader.token)).recordDuesPayment;
    expect(
      (await t.ok(`query($id: ID!) { duesPayment(id: $id) { receiptNumber payer { firstName } } }`, { id: p.id }, leader.token)).duesPayment,
    ).toMatchObject({ payer: { firstName: 'Payer' } });
    expect((await t.gql(`{ duesPayments { id } }`, undefined, leader.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await t.gql(`mutation($id: ID!) { cancelDuesPayment(id: $id, reason: "x") { id } }`, { id: p.id }, leader.token)).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await t.ok(`{ duesPayments { id method reference } }`, undefined, o.token)).duesPayments).toEqual([
      { id: p.id, method: 'CHEQUE', reference: 'chèque 123' },
    ]);
    // Another organisation's payment reads like an unknown one.
    const other = await org('Ailleurs');
    expect((await t.ok(`query($id: ID!) { duesPayment(id: $id) { id } }`, { id: p.id }, other.token)).duesPayment).toBeNull();
  });

  it('lists contacts with status, memberships and payments in a fixed number of statements', async () => {
    const o = await org('N+1');
    for (let i = 0; i < 12; i++) {
      const a = await o.person(`P${i}a`); // "a" pays for "b": they list side by side
      const b = await o.person(`P${i}b`);
      await o.pay({ payerId: a, amountCents: 2400, paysFor: [b], paidAt: '2026-02-01T10:00:00Z' });
    }
    const query = `query($first: Int) { contacts(first: $first) { edges { node { membershipStatus membershipEndsAt
      memberships { startsAt fundedBy { firstName } payment { receiptNumber payer { firstName } memberships { contact { firstName } } } }
      duesPayments { receiptNumber memberships { contact { firstName } } } } } } }`;
    const few = await t.sql.count(() => t.ok(query, { first: 2 }, o.token));
    const many = await t.sql.count(() => t.ok(query, { first: 24 }, o.token));
    expect(many.result.contacts.edges).toHaveLength(24);
    // The same for 24 contacts as for 2, give or take one: whether two depths' loads of the
    // same loader leave in one batch or two depends on when their promises settle. An N+1
    // would add a statement per contact.
    expect(Math.abs(many.statements.length - few.statements.length)).toBeLessThanOrEqual(1);
    expect(many.statements.length).toBeLessThanOrEqual(12);
  });

  it('export includes payments and memberships; erasure keeps the accounts but not who paid', async () => {
    const o = await org('Vie privée');
    const payer = await o.person('Payer');
    const ally = await o.person('Ally');
    const p = await o.pay({
      payerId: payer,
      amountCents: 3000,
      paysFor: [ally],
      method: 'CHEQUE',
      reference: 'chèque n° 1234567 — Payer Test',
      paidAt: '2026-02-01T10:00:00Z',
    });
    const exported = JSON.parse((await t.ok(`mutation($id: ID!) { exportContactData(contactId: $id) }`, { id: payer }, o.token)).exportContactData);
    expect(exported.duesPayments).toEqual([
      expect.objectContaining({
        receiptNumber: p.receiptNumber,
        amountCents: 3000,
        method: 'CHEQUE',
        reference: 'chèque n° 1234567 — Payer Test',
        toSolidarityFundCents: 600,
      }),
    ]);
    expect(exported.memberships).toEqual([expect.objectContaining({ startsAt: Y(2026), endsAt: Y(2027), amountCents: 1200, paidByAnotherAlly: false })]);

    await t.ok(`mutation($id: ID!) { eraseContact(contactId: $id) }`, { id: payer }, o.token);
    const { rows } = await t.db.query(
      `SELECT p.amount_cents, p.method, p.paid_at, p.receipt_number, p.reference, p.client_id, c.first_name, c.last_name, c.erased_at
         FROM dues_payments p JOIN contacts c ON c.id = p.payer_contact_id WHERE p.id = $1`,
      [p.id],
    );
    expect(rows[0]).toMatchObject({
      amount_cents: 3000,
      method: 'CHEQUE',
      receipt_number: p.receiptNumber,
      reference: null,
      client_id: null,
      first_name: '—',
      last_name: null,
    });
    expect(rows[0].paid_at.toISOString()).toBe('2026-02-01T10:00:00.000Z');
    expect(rows[0].erased_at).not.toBeNull();
    // The accounts stay true: the report still counts the dues and both memberships; the fund keeps its 6 €.
    expect((await t.ok(REPORT, { year: 2026 }, o.token)).membershipReport).toMatchObject({ members: 2, duesCents: 3000, paidByAnother: 1 });
    expect((await o.fund()).balanceCents).toBe(600);
    const listed = (await t.ok(`{ duesPayments { receiptNumber reference payer { firstName lastName } } }`, undefined, o.token)).duesPayments;
    expect(listed).toEqual([{ receiptNumber: p.receiptNumber, reference: null, payer: { firstName: '—', lastName: null } }]);
  });

  it('the Villejean demo’s dues: pay what you can, 24 € for another ally, a grant from the fund', async () => {
    const o = await org('Démo');
    const ids = await Promise.all(Array.from({ length: 9 }, (_, i) => o.person(`Allié${i}`)));
    await seedDemoDues((query, variables, token) => t.ok(query, variables, token), o.token, ids);
    // 2024: c0 c1(0 €) c2 c3(paid by c2) c5 = 5; new c5; renewed c0 c1 c2 c3; lapsed c4; dues 12 + 0 + 24 + 12 = 48 €.
    expect((await t.ok(REPORT, { year: 2024 }, o.token)).membershipReport).toMatchObject({
      members: 5,
      newMembers: 1,
      renewed: 4,
      lapsed: 1,
      payingWhatTheyCan: 1,
      paidByAnother: 1,
      duesCents: 4800,
    });
    // 18 € (2023) + 12 € (2025) to the fund, 12 € granted.
    expect(await o.fund()).toEqual({ balanceCents: 1800, contributedCents: 3000, usedCents: 1200 });
    expect((await o.contact(ids[6])).memberships).toMatchObject([{ fromSolidarityFund: true }]);
  });
});
