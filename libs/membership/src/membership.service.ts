import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, QueryFailedError, type EntityManager } from 'typeorm';
import { badInput, byKey, groupByKey, isUuid, notFound, v, type Loaders, type Member } from '@rapport/core';
import { findOwned, findAllOwned } from '@rapport/db';
import { AuthService } from '@rapport/auth';
import { Contact, ContactsService } from '@rapport/contacts';
import { ReminderScheduler, type Reminder } from '@rapport/reminders';
import { AllyRole, DEFAULT_TIMEZONE, LIMITS, MembershipPeriodKind, MembershipStatus, PaymentMethod } from '@rapport/shared';
import { DEFAULT_MEMBERSHIP_SETTINGS, MembershipSettings } from './entities/membership-settings.entity.js';
import { DuesPayment } from './entities/dues-payment.entity.js';
import { Membership } from './entities/membership.entity.js';
import type { DuesPaymentInput, MembershipSettingsInput } from './dto/membership.input.js';
import type { MembershipReport, SolidarityFund } from './dto/membership-report.type.js';
import { allocate, periodFor, statusOf, yearOf, yearStart } from './membership-periods.js';
import { cancelRenewalReminders, refreshRenewalReminders } from './membership-reminders.js';

const isUniqueViolation = (error: unknown) => error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505';
const METHODS = new Set(Object.values(PaymentMethod));
const PERIOD_KINDS = new Set(Object.values(MembershipPeriodKind));
/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;
const MAX_AMOUNT_CENTS = 10_000_000;
const MAX_PAYS_FOR = 50;

type Row = Record<string, any>;
type Settings = Pick<MembershipSettings, 'suggestedDuesCents' | 'currency' | 'periodKind' | 'graceDays' | 'renewalReminderDays'>;

/**
 * Dues as "Si on s'alliait ?" practise them: any amount, even 0, makes the payer a
 * member for the period; what is left pays for the people named, at the suggested
 * dues each; what is still left goes to the solidarity fund, from which organisers
 * grant memberships. Amounts are integer cents throughout.
 */
@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactsService,
    private readonly auth: AuthService,
    private readonly reminders: ReminderScheduler,
  ) {}

  // --- settings -------------------------------------------------------------

  async settings(organizationId: string, em: EntityManager = this.db.manager): Promise<MembershipSettings> {
    const found = await em.findOneBy(MembershipSettings, { organizationId });
    return found ?? Object.assign(new MembershipSettings(), { organizationId, ...DEFAULT_MEMBERSHIP_SETTINGS });
  }

  async updateSettings(member: Member, input: MembershipSettingsInput): Promise<MembershipSettings> {
    const changes: Partial<Settings> = {};
    const suggested = v.intRange('input.suggestedDuesCents', input.suggestedDuesCents, 0, 100_000);
    if (suggested !== null) changes.suggestedDuesCents = suggested;
    if (input.currency != null) {
      const currency = v.name('input.currency', input.currency, 3).toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) throw badInput('input.currency', 'must be a three-letter currency code such as EUR');
      changes.currency = currency;
    }
    if (input.periodKind != null) {
      if (!PERIOD_KINDS.has(input.periodKind))
        throw badInput('input.periodKind', 'must be CALENDAR_YEAR or ROLLING_YEAR', 'enum', { values: 'CALENDAR_YEAR, ROLLING_YEAR' });
      changes.periodKind = input.periodKind;
    }
    const grace = v.intRange('input.graceDays', input.graceDays, 0, 365);
    if (grace !== null) changes.graceDays = grace;
    const lead = v.intRange('input.renewalReminderDays', input.renewalReminderDays, 0, 365);
    if (lead !== null) changes.renewalReminderDays = lead;
    return this.db.transaction(async (em) => {
      const current = await this.lockSettings(em, member.organizationId);
      Object.assign(current, changes);
      const saved = await em.save(current);
      await this.auth.audit(em, member, 'UPDATE_MEMBERSHIP_SETTINGS', 'Organization', member.organizationId);
      return saved;
    });
  }

  /** The settings row, created with the defaults if needed, locked until commit. */
  private async lockSettings(em: EntityManager, organizationId: string): Promise<MembershipSettings> {
    await em.query(`INSERT INTO membership_settings (organization_id) VALUES ($1) ON CONFLICT (organization_id) DO NOTHING`, [organizationId]);
    return (await em.findOne(MembershipSettings, { where: { organizationId }, lock: { mode: 'pessimistic_write' } }))!;
  }

  private async timezone(organizationId: string, em: EntityManager): Promise<string> {
    const rows: Row[] = await em.query(`SELECT timezone FROM organizations WHERE id = $1`, [organizationId]);
    return rows[0]?.timezone ?? DEFAULT_TIMEZONE;
  }

  // --- recording a payment --------------------------------------------------

  /**
   * Records dues. The same clientId twice, even at the same moment, is one payment:
   * the unique (organisation, clientId) index makes the second insert fail and the
   * first payment is returned. The receipt number comes from a counter row locked in
   * the same transaction, so numbers have no gap even under concurrent payments.
   */
  async recordPayment(member: Member, input: DuesPaymentInput, now = new Date()): Promise<DuesPayment> {
    const clientId = v.text('input.clientId', input.clientId, 100);
    if (clientId) {
      const existing = await this.db.getRepository(DuesPayment).findOneBy({ organizationId: member.organizationId, clientId });
      if (existing) return existing;
    }
    const amountCents = v.intRange('input.amountCents', input.amountCents, 0, MAX_AMOUNT_CENTS)!;
    if (!METHODS.has(input.method)) throw badInput('input.method', `must be one of ${[...METHODS].join(', ')}`, 'enum', { values: [...METHODS].join(', ') });
    const paidAt = v.date('input.paidAt', input.paidAt) ?? now;
    if (paidAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw badInput('input.paidAt', 'must not be in the future', 'future');
    const reference = v.text('input.reference', input.reference, LIMITS.name);
    const coversPayer = input.coversPayer ?? true;
    const paysFor = v.list('input.paysFor', input.paysFor, MAX_PAYS_FOR, (_f, id) => id);
    if (!isUuid(input.payerId)) throw notFound('input.payerId: contact', input.payerId);
    paysFor.forEach((id, i) => {
      if (!isUuid(id)) throw notFound(`input.paysFor[${i}]: contact`, id);
      if (coversPayer && id === input.payerId) throw badInput(`input.paysFor[${i}]`, 'is the payer, whose own membership the payment already funds');
      if (paysFor.indexOf(id) !== i) throw badInput(`input.paysFor[${i}]`, 'is named twice', 'duplicate');
    });

    let after: { cancelled: string[]; scheduled: Reminder[] } = { cancelled: [], scheduled: [] };
    try {
      const payment = await this.db.transaction(async (em) => {
        const org = member.organizationId;
        // Locks the people concerned (in id order: no deadlock), so two payments for one
        // person at once give two successive periods, not the same one twice.
        await this.lockContacts(em, org, [input.payerId, ...paysFor], (id) =>
          id === input.payerId ? 'input.payerId' : `input.paysFor[${paysFor.indexOf(id)}]`,
        );
        const [settings, tz] = await Promise.all([this.settings(org, em), this.timezone(org, em)]);
        const share = allocate(amountCents, settings.suggestedDuesCents, coversPayer, paysFor);
        const year = yearOf(paidAt, tz);
        const saved = await em.save(
          em.create(DuesPayment, {
            organizationId: org,
            clientId,
            payerContactId: input.payerId,
            amountCents,
            method: input.method,
            paidAt,
            reference,
            receiptNumber: await this.nextReceiptNumber(em, org, year),
            toSolidarityFundCents: share.toFundCents,
            cancelledAt: null,
            cancelReason: null,
            recordedByUserId: member.userId,
          }),
        );
        const funded: Array<{ contactId: string; amountCents: number; fundedBy: string | null }> = [];
        if (share.payerCents !== null) funded.push({ contactId: input.payerId, amountCents: share.payerCents, fundedBy: null });
        for (const id of share.paidFor) funded.push({ contactId: id, amountCents: settings.suggestedDuesCents, fundedBy: input.payerId });
        const latest = await this.latestEnds(
          em,
          org,
          funded.map((f) => f.contactId),
        );
        const memberships = funded.map((f) => {
          const period = periodFor(settings.periodKind, paidAt, latest.get(f.contactId) ?? null, tz);
          return em.create(Membership, {
            organizationId: org,
            contactId: f.contactId,
            ...period,
            paymentId: saved.id,
            fundedByContactId: f.fundedBy,
            fromSolidarityFund: false,
            amountCents: f.amountCents,
            suggestedCents: settings.suggestedDuesCents,
          });
        });
        await em.save(memberships);
        await this.auth.audit(em, member, 'RECORD_DUES_PAYMENT', 'DuesPayment', saved.id);
        after = await refreshRenewalReminders(
          em,
          this.reminders,
          org,
          funded.map((f) => f.contactId),
          settings.renewalReminderDays,
          now,
        );
        return saved;
      });
      await this.afterCommit(after);
      return payment;
    } catch (error) {
      if (clientId && isUniqueViolation(error)) {
        const first = await this.db.getRepository(DuesPayment).findOneBy({ organizationId: member.organizationId, clientId });
        if (first) return first;
      }
      throw error;
    }
  }

  /** "2026-0001": the counter row of the organisation and year, incremented under its row lock. */
  private async nextReceiptNumber(em: EntityManager, organizationId: string, year: number): Promise<string> {
    const rows: Row[] = await em.query(
      `INSERT INTO receipt_counters (organization_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (organization_id, year) DO UPDATE SET last_number = receipt_counters.last_number + 1
       RETURNING last_number`,
      [organizationId, year],
    );
    return `${year}-${String(rows[0].last_number).padStart(4, '0')}`;
  }

  private async lockContacts(em: EntityManager, organizationId: string, ids: string[], field: (id: string) => string): Promise<void> {
    await findAllOwned(em, Contact, organizationId, ids, { field, where: { erasedAt: IsNull() }, lock: true });
  }

  private async latestEnds(em: EntityManager, organizationId: string, contactIds: string[]): Promise<Map<string, Date>> {
    if (contactIds.length === 0) return new Map();
    const rows: Row[] = await em.query(
      `SELECT contact_id, max(ends_at) AS ends_at FROM memberships WHERE organization_id = $1 AND contact_id = ANY($2::uuid[]) GROUP BY contact_id`,
      [organizationId, [...new Set(contactIds)]],
    );
    return new Map(rows.map((r) => [r.contact_id as string, new Date(r.ends_at)]));
  }

  private async afterCommit({ cancelled, scheduled }: { cancelled: string[]; scheduled: Reminder[] }) {
    await this.reminders.dequeue(cancelled);
    await this.reminders.enqueue(scheduled);
  }

  // --- the solidarity fund --------------------------------------------------

  async fund(organizationId: string, em: EntityManager = this.db.manager): Promise<SolidarityFund> {
    const [row]: Row[] = await em.query(
      `SELECT (SELECT coalesce(sum(to_solidarity_fund_cents), 0) FROM dues_payments WHERE organization_id = $1 AND cancelled_at IS NULL)::int AS contributed,
              (SELECT coalesce(sum(amount_cents), 0) FROM memberships WHERE organization_id = $1 AND from_solidarity_fund)::int AS used`,
      [organizationId],
    );
    return { contributedCents: row.contributed, usedCents: row.used, balanceCents: row.contributed - row.used };
  }

  /** A membership for someone who cannot pay, at the suggested dues, while the fund holds them. */
  async grant(member: Member, contactId: string, now = new Date()): Promise<Membership> {
    let after: { cancelled: string[]; scheduled: Reminder[] } = { cancelled: [], scheduled: [] };
    const membership = await this.db.transaction(async (em) => {
      const org = member.organizationId;
      if (!isUuid(contactId)) throw notFound('contactId: contact', contactId);
      await this.lockContacts(em, org, [contactId], () => 'contactId');
      // The settings row is the fund's lock: two grants at once cannot both spend the last 12 €.
      const settings = await this.lockSettings(em, org);
      const fund = await this.fund(org, em);
      if (fund.balanceCents < settings.suggestedDuesCents) {
        throw badInput(
          'contactId',
          `the solidarity fund holds ${fund.balanceCents} cents, less than the suggested dues (${settings.suggestedDuesCents} cents)`,
        );
      }
      const tz = await this.timezone(org, em);
      const latest = await this.latestEnds(em, org, [contactId]);
      const saved = await em.save(
        em.create(Membership, {
          organizationId: org,
          contactId,
          ...periodFor(settings.periodKind, now, latest.get(contactId) ?? null, tz),
          paymentId: null,
          fundedByContactId: null,
          fromSolidarityFund: true,
          amountCents: settings.suggestedDuesCents,
          suggestedCents: settings.suggestedDuesCents,
        }),
      );
      await this.auth.audit(em, member, 'GRANT_SOLIDARITY_MEMBERSHIP', 'Membership', saved.id);
      after = await refreshRenewalReminders(em, this.reminders, org, [contactId], settings.renewalReminderDays, now);
      return saved;
    });
    await this.afterCommit(after);
    return membership;
  }

  /**
   * A payment entered by mistake: the memberships it funded go (each one written to
   * the audit log), its fund share is withdrawn, its receipt number stays taken.
   */
  async cancelPayment(member: Member, id: string, reason: string, now = new Date()): Promise<DuesPayment> {
    const why = v.name('reason', reason, LIMITS.name);
    let after: { cancelled: string[]; scheduled: Reminder[] } = { cancelled: [], scheduled: [] };
    const payment = await this.db.transaction(async (em) => {
      const org = member.organizationId;
      const settings = await this.lockSettings(em, org);
      const payment = await findOwned(em, DuesPayment, org, id, { lock: true });
      if (payment.cancelledAt) throw badInput('id', 'this payment is already cancelled', 'cancelled');
      const fund = await this.fund(org, em);
      if (fund.balanceCents < payment.toSolidarityFundCents) {
        throw badInput('id', `the solidarity fund no longer holds this payment's ${payment.toSolidarityFundCents} cents (balance ${fund.balanceCents} cents)`);
      }
      const funded = await em.find(Membership, { where: { organizationId: org, paymentId: payment.id } });
      const people = funded.map((m) => m.contactId);
      const cancelled = await cancelRenewalReminders(em, org, people);
      for (const m of funded) await this.auth.audit(em, member, 'REMOVE_MEMBERSHIP', 'Membership', m.id);
      await em.delete(Membership, { organizationId: org, paymentId: payment.id });
      Object.assign(payment, { cancelledAt: now, cancelReason: why });
      const saved = await em.save(payment);
      await this.auth.audit(em, member, 'CANCEL_DUES_PAYMENT', 'DuesPayment', payment.id);
      const refreshed = await refreshRenewalReminders(em, this.reminders, org, people, settings.renewalReminderDays, now);
      after = { cancelled: [...cancelled, ...refreshed.cancelled], scheduled: refreshed.scheduled };
      return saved;
    });
    await this.afterCommit(after);
    return payment;
  }

  // --- reading --------------------------------------------------------------

  async payment(member: Member, id: string): Promise<DuesPayment | null> {
    if (!isUuid(id)) return null;
    return this.db.getRepository(DuesPayment).findOneBy({ id, organizationId: member.organizationId });
  }

  payments(member: Member, from: Date | null | undefined, to: Date | null | undefined, first: number): Promise<DuesPayment[]> {
    const limit = v.intRange('first', first, 1, 1000)!;
    const since = v.date('from', from);
    const until = v.date('to', to);
    const query = this.db.getRepository(DuesPayment).createQueryBuilder('p').where('p.organization_id = :org', { org: member.organizationId });
    if (since) query.andWhere('p.paid_at >= :since', { since });
    if (until) query.andWhere('p.paid_at < :until', { until });
    return query.orderBy('p.paid_at', 'DESC').addOrderBy('p.receipt_number', 'DESC').limit(limit).getMany();
  }

  /** CURRENT ending within the days, and GRACE: soonest first. */
  async toRenew(member: Member, withinDays: number, now = new Date()): Promise<Contact[]> {
    const days = v.intRange('withinDays', withinDays, 0, 366)!;
    const settings = await this.settings(member.organizationId);
    const rows: Row[] = await this.db.query(
      `SELECT m.contact_id FROM memberships m JOIN contacts c ON c.id = m.contact_id AND c.erased_at IS NULL
        WHERE m.organization_id = $1 GROUP BY m.contact_id
       HAVING max(m.ends_at) <= $2::timestamptz + make_interval(days => $3) AND max(m.ends_at) > $2::timestamptz - make_interval(days => $4)
        ORDER BY max(m.ends_at), m.contact_id LIMIT 1000`,
      [member.organizationId, now, days, settings.graceDays],
    );
    const ids = rows.map((r) => r.contact_id as string);
    if (ids.length === 0) return [];
    const contacts = await this.db.getRepository(Contact).findBy({ id: In(ids), organizationId: member.organizationId });
    return byKey(ids, contacts, (c) => c.id).filter((c): c is Contact => !!c);
  }

  async report(member: Member, year: number): Promise<MembershipReport> {
    const y = v.intRange('year', year, 1900, 2200)!;
    const org = member.organizationId;
    const tz = await this.timezone(org, this.db.manager);
    const [prev, start, end] = [yearStart(y - 1, tz), yearStart(y, tz), yearStart(y + 1, tz)];
    const [[row], roles]: [Row[], Row[]] = await Promise.all([
      this.db.query(
        `WITH m AS (SELECT * FROM memberships WHERE organization_id = $1),
              cur AS (SELECT DISTINCT contact_id FROM m WHERE starts_at < $3 AND ends_at > $2),
              prev AS (SELECT DISTINCT contact_id FROM m WHERE starts_at < $2 AND ends_at > $4),
              firsts AS (SELECT contact_id, min(starts_at) AS first_start FROM m GROUP BY contact_id)
         SELECT (SELECT count(*) FROM cur)::int AS members,
                (SELECT count(*) FROM cur JOIN firsts USING (contact_id) WHERE first_start >= $2)::int AS new_members,
                (SELECT count(*) FROM cur JOIN prev USING (contact_id))::int AS renewed,
                (SELECT count(*) FROM prev WHERE contact_id NOT IN (SELECT contact_id FROM cur))::int AS lapsed,
                (SELECT count(*) FROM m WHERE starts_at >= $2 AND starts_at < $3 AND payment_id IS NOT NULL
                    AND funded_by_contact_id IS NULL AND amount_cents < suggested_cents)::int AS paying_what_they_can,
                (SELECT count(*) FROM m WHERE starts_at >= $2 AND starts_at < $3 AND (funded_by_contact_id IS NOT NULL OR from_solidarity_fund))::int AS paid_by_another,
                (SELECT coalesce(sum(amount_cents), 0) FROM dues_payments
                  WHERE organization_id = $1 AND cancelled_at IS NULL AND paid_at >= $2 AND paid_at < $3)::int AS dues`,
        [org, start, end, prev],
      ),
      this.db.query(
        `SELECT r.role, count(DISTINCT c.id)::int AS members
           FROM contacts c CROSS JOIN LATERAL unnest(c.ally_roles) AS r(role)
          WHERE c.organization_id = $1
            AND EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = $1 AND m.contact_id = c.id AND m.starts_at < $3 AND m.ends_at > $2)
          GROUP BY r.role`,
        [org, start, end],
      ),
    ]);
    const byRole = new Map(roles.map((r) => [r.role as string, r.members as number]));
    return {
      year: y,
      members: row.members,
      newMembers: row.new_members,
      renewed: row.renewed,
      lapsed: row.lapsed,
      payingWhatTheyCan: row.paying_what_they_can,
      paidByAnother: row.paid_by_another,
      duesCents: row.dues,
      byAllyRole: Object.values(AllyRole).map((allyRole) => ({ allyRole, members: byRole.get(allyRole) ?? 0 })),
    };
  }

  // --- DataLoaders (one statement per relation for a whole list) -------------

  /** A person's memberships, newest first. */
  membershipsOf(loaders: Loaders, member: Member) {
    return loaders.get<string, Membership[]>('membershipsByContact', async (ids) => {
      const rows = await this.db.getRepository(Membership).find({
        where: { organizationId: member.organizationId, contactId: In([...ids]) },
        order: { startsAt: 'DESC', createdAt: 'DESC' },
      });
      return groupByKey(ids, rows, (m) => m.contactId);
    });
  }

  membershipsOfPayment(loaders: Loaders, member: Member) {
    return loaders.get<string, Membership[]>('membershipsByPayment', async (ids) => {
      const rows = await this.db
        .getRepository(Membership)
        .find({ where: { organizationId: member.organizationId, paymentId: In([...ids]) }, order: { createdAt: 'ASC' } });
      return groupByKey(ids, rows, (m) => m.paymentId!);
    });
  }

  paymentsOf(loaders: Loaders, member: Member) {
    return loaders.get<string, DuesPayment[]>('duesPaymentsByPayer', async (ids) => {
      const rows = await this.db.getRepository(DuesPayment).find({
        where: { organizationId: member.organizationId, payerContactId: In([...ids]) },
        order: { paidAt: 'DESC', receiptNumber: 'DESC' },
      });
      return groupByKey(ids, rows, (p) => p.payerContactId);
    });
  }

  paymentById(loaders: Loaders, member: Member) {
    return loaders.get<string, DuesPayment | null>('duesPaymentById', async (ids) => {
      const rows = await this.db.getRepository(DuesPayment).findBy({ id: In([...ids]), organizationId: member.organizationId });
      return byKey(ids, rows, (p) => p.id);
    });
  }

  /** The settings, read once per request. */
  settingsFor(loaders: Loaders, member: Member) {
    return loaders
      .get<string, MembershipSettings>('membershipSettings', (keys) => Promise.all(keys.map((org) => this.settings(org))))
      .load(member.organizationId);
  }

  /** Status and end date from the memberships (loaded once per list). */
  async statusOf(loaders: Loaders, member: Member, contactId: string, now = new Date()): Promise<{ status: MembershipStatus; endsAt: Date | null }> {
    const [memberships, settings] = await Promise.all([this.membershipsOf(loaders, member).load(contactId), this.settingsFor(loaders, member)]);
    const endsAt = memberships.reduce<Date | null>((latest, m) => (!latest || m.endsAt > latest ? m.endsAt : latest), null);
    return { status: statusOf(endsAt, settings.graceDays, now), endsAt };
  }

  contactById(loaders: Loaders, member: Member) {
    return this.contacts.byId(loaders, member);
  }

  // --- privacy ---------------------------------------------------------------

  /** Everything about a person's dues and memberships, for their data export. */
  async exportFor(em: EntityManager, organizationId: string, contactId: string) {
    const [payments, memberships] = await Promise.all([
      em.find(DuesPayment, { where: { organizationId, payerContactId: contactId }, order: { paidAt: 'ASC' } }),
      em.find(Membership, { where: { organizationId, contactId }, order: { startsAt: 'ASC' } }),
    ]);
    return {
      duesPayments: payments.map((p) => ({
        receiptNumber: p.receiptNumber,
        amountCents: p.amountCents,
        method: p.method,
        paidAt: p.paidAt,
        reference: p.reference,
        toSolidarityFundCents: p.toSolidarityFundCents,
        cancelledAt: p.cancelledAt,
        cancelReason: p.cancelReason,
      })),
      memberships: memberships.map((m) => ({
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        amountCents: m.amountCents,
        fromSolidarityFund: m.fromSolidarityFund,
        paidByAnotherAlly: m.fundedByContactId !== null,
      })),
    };
  }

  /**
   * Erasure: the accounts stay (amounts, dates, methods, receipt numbers: an
   * association must keep them) but nothing in them points to who the person was:
   * references (cheque numbers, order ids) go, and the payments and memberships
   * link only to the anonymous row. Pending renewal reminders, which name them, go.
   */
  async eraseFor(em: EntityManager, organizationId: string, contactId: string): Promise<string[]> {
    await em.update(DuesPayment, { organizationId, payerContactId: contactId }, { reference: null, clientId: null });
    return cancelRenewalReminders(em, organizationId, [contactId]);
  }
}
