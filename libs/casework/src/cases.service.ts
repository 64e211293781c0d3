import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { badInput, groupByKey, isUuid, normalizeForMatch, notFound, v, type Loaders, type Member } from '@rapport/core';
import { findOwned } from '@rapport/db';
import { Organization, User } from '@rapport/auth';
import { ContactsService } from '@rapport/contacts';
import { CampaignsService } from '@rapport/campaigns';
import { ReminderScheduler, type Reminder } from '@rapport/reminders';
import { CaseStatus, DEFAULT_LOCALE, LIMITS, Role, SUPPORTED_LOCALES, message, type Locale } from '@rapport/shared';
import { Case } from './entities/case.entity.js';
import { CaseStep } from './entities/case-step.entity.js';
import type { CaseInput, CaseUpdateInput, EvidenceFilter } from './dto/casework.input.js';
import type { CaseEvidence } from './dto/casework.types.js';
import { SessionsService } from './sessions.service.js';
import { syncCaseReminder } from './case-reminders.js';
import { countEvidence, type EvidenceRow } from './case-evidence.js';

const STATUSES = new Set(Object.values(CaseStatus));
const CLOSED = new Set([CaseStatus.RESOLVED, CaseStatus.UNRESOLVED]);
/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;
const MAX_RECOVERED_CENTS = 100_000_000;
const MAX_LIST = 200;

type After = { cancelled: string[]; scheduled: Reminder[] };

/**
 * Cases: one person's problem with an agency, followed across visits, closed RESOLVED
 * or UNRESOLVED; and the evidence they add up to, counted without a name.
 */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactsService,
    private readonly campaigns: CampaignsService,
    private readonly sessions: SessionsService,
    private readonly reminders: ReminderScheduler,
  ) {}

  get(member: Member, id: string, { em = this.db.manager, field, lock }: { em?: EntityManager; field?: string; lock?: boolean } = {}): Promise<Case> {
    return findOwned(em, Case, member.organizationId, id, { field, lock, label: 'case' });
  }

  /** Newest first. */
  list(member: Member, filter: { status?: CaseStatus | null; ownerId?: string | null; campaignId?: string | null; first?: number | null }): Promise<Case[]> {
    const first = v.intRange('first', filter.first ?? 50, 1, MAX_LIST)!;
    if (filter.status && !STATUSES.has(filter.status)) throw badInput('status', 'is not a case status');
    for (const key of ['ownerId', 'campaignId'] as const) if (filter[key] && !isUuid(filter[key])) return Promise.resolve([]);
    return this.db.getRepository(Case).find({
      where: {
        organizationId: member.organizationId,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
        ...(filter.campaignId ? { campaignId: filter.campaignId } : {}),
      },
      order: { openedAt: 'DESC', id: 'DESC' },
      take: first,
    });
  }

  /** A member of the organisation who may follow a case (not an ally: reminders name people). */
  private async owner(em: EntityManager, member: Member, id: string, field: string): Promise<string> {
    const user = isUuid(id) ? await em.findOneBy(User, { id, organizationId: member.organizationId, removedAt: IsNull() }) : null;
    if (!user) throw notFound(`${field}: member`, id);
    if (user.role === Role.ALLY) throw badInput(field, 'must be an organiser or a leader: allies do not follow cases');
    return user.id;
  }

  /** The first spelling of an agency the organisation used, else this one. */
  private async agencySpelling(em: EntityManager, organizationId: string, agency: string) {
    const normalized = normalizeForMatch(agency);
    const [first] = await em.query(`SELECT agency FROM cases WHERE organization_id = $1 AND agency_normalized = $2 ORDER BY opened_at, id LIMIT 1`, [
      organizationId,
      normalized,
    ]);
    return { agency: (first?.agency as string) ?? agency, agencyNormalized: normalized };
  }

  /** Matched to the organisation's issues like a conversation's raised issues; created when new. */
  private async issueId(em: EntityManager, organizationId: string, name: string): Promise<string> {
    const normalized = normalizeForMatch(name);
    await em.query(
      `INSERT INTO issues (organization_id, name, normalized_name) VALUES ($1, $2, $3) ON CONFLICT (organization_id, normalized_name) DO NOTHING`,
      [organizationId, name, normalized],
    );
    const [row] = await em.query(`SELECT id FROM issues WHERE organization_id = $1 AND normalized_name = $2`, [organizationId, normalized]);
    return row.id;
  }

  async open(member: Member, input: CaseInput): Promise<Case> {
    const agency = v.name('input.agency', input.agency, LIMITS.name);
    const issueName = v.text('input.issueName', input.issueName, LIMITS.name);
    const summary = v.name('input.summary', input.summary);
    const nextStepAt = v.date('input.nextStepAt', input.nextStepAt);
    let after: After = { cancelled: [], scheduled: [] };
    const saved = await this.db.transaction(async (em) => {
      // Locked: an erasure at the same moment cannot miss what this writes about the person.
      const contact = await this.contacts.get(member, input.contactId, { em, field: 'input.contactId', lock: true });
      if (input.campaignId) await this.campaigns.get(member, input.campaignId, { em: em, field: 'input.campaignId' });
      const sessionId = input.sessionId ? (await this.sessions.get(member, input.sessionId, em, 'input.sessionId')).session.id : null;
      const ownerId = input.ownerId ? await this.owner(em, member, input.ownerId, 'input.ownerId') : null;
      const created = await em.save(
        em.create(Case, {
          organizationId: member.organizationId,
          contactId: contact.id,
          ownerId,
          openedById: member.userId,
          ...(await this.agencySpelling(em, member.organizationId, agency)),
          issueId: issueName ? await this.issueId(em, member.organizationId, issueName) : null,
          summary,
          status: CaseStatus.OPEN,
          openedAt: new Date(),
          closedAt: null,
          nextStepAt,
          recoveredCents: null,
          campaignId: input.campaignId ?? null,
          sessionId,
        }),
      );
      await this.contacts.touch(em, contact.id);
      after = await syncCaseReminder(em, this.reminders, created);
      return created;
    });
    await this.afterCommit(after);
    return saved;
  }

  /** A status change is also written as a step; closing cancels the next step's reminder. */
  async update(member: Member, id: string, input: CaseUpdateInput): Promise<Case> {
    if (input.status != null && !STATUSES.has(input.status)) throw badInput('input.status', 'is not a case status');
    const nextStepAt = v.date('input.nextStepAt', input.nextStepAt);
    const recoveredCents = v.intRange('input.recoveredCents', input.recoveredCents, 0, MAX_RECOVERED_CENTS);
    const summary = input.summary != null ? v.name('input.summary', input.summary) : null;
    let after: After = { cancelled: [], scheduled: [] };
    const saved = await this.db.transaction(async (em) => {
      const found = await this.get(member, id, { em, lock: true });
      if (await this.contacts.isErased(em, member.organizationId, found.contactId)) throw notFound('case', id);
      const now = new Date();
      if (input.ownerId) found.ownerId = await this.owner(em, member, input.ownerId, 'input.ownerId');
      if (input.campaignId) found.campaignId = (await this.campaigns.get(member, input.campaignId, { em: em, field: 'input.campaignId' })).id;
      if (nextStepAt) found.nextStepAt = nextStepAt;
      if (recoveredCents !== null) found.recoveredCents = recoveredCents;
      if (summary) found.summary = summary;
      if (input.status && input.status !== found.status) {
        const locale = await this.locale(em, member.organizationId);
        await em.save(
          em.create(CaseStep, {
            organizationId: member.organizationId,
            caseId: found.id,
            at: now,
            byId: member.userId,
            note: message(locale, 'case.statusStep', { from: found.status, to: input.status }),
          }),
        );
        found.closedAt = CLOSED.has(input.status) ? now : null;
        found.status = input.status;
      }
      const updated = await em.save(found);
      after = await syncCaseReminder(em, this.reminders, updated, now);
      return updated;
    });
    await this.afterCommit(after);
    return saved;
  }

  async addStep(member: Member, caseId: string, note: string, at: Date | null | undefined): Promise<CaseStep> {
    const text = v.name('note', note);
    const when = v.date('at', at) ?? new Date();
    if (when.getTime() > Date.now() + CLOCK_SKEW_MS) throw badInput('at', 'must not be in the future');
    return this.db.transaction(async (em) => {
      const found = await this.get(member, caseId, { em, field: 'caseId', lock: true });
      if (await this.contacts.isErased(em, member.organizationId, found.contactId)) throw notFound('caseId: case', caseId);
      return em.save(em.create(CaseStep, { organizationId: member.organizationId, caseId: found.id, at: when, byId: member.userId, note: text }));
    });
  }

  private async locale(em: EntityManager, organizationId: string): Promise<Locale> {
    const org = await em.findOne(Organization, { where: { id: organizationId }, select: { id: true, locale: true } });
    return (SUPPORTED_LOCALES as readonly string[]).includes(org?.locale ?? '') ? (org!.locale as Locale) : DEFAULT_LOCALE;
  }

  private async afterCommit({ cancelled, scheduled }: After) {
    await this.reminders.dequeue(cancelled);
    await this.reminders.enqueue(scheduled);
  }

  stepsByCase(loaders: Loaders, member: Member) {
    return loaders.get<string, CaseStep[]>('stepsByCase', async (ids) => {
      const rows = await this.db
        .getRepository(CaseStep)
        .find({ where: { caseId: In([...ids]), organizationId: member.organizationId }, order: { at: 'ASC', createdAt: 'ASC' } });
      return groupByKey(ids, rows, (r) => r.caseId);
    });
  }

  casesByContact(loaders: Loaders, member: Member) {
    return loaders.get<string, Case[]>('casesByContact', async (ids) => {
      const rows = await this.db
        .getRepository(Case)
        .find({ where: { contactId: In([...ids]), organizationId: member.organizationId }, order: { openedAt: 'DESC', id: 'DESC' } });
      return groupByKey(ids, rows, (r) => r.contactId);
    });
  }

  /** The rows evidence is counted from: the person, never their name; whether they consented. */
  private evidenceQuery(member: Member) {
    return this.db
      .getRepository(Case)
      .createQueryBuilder('k')
      .innerJoin('k.contact', 'c')
      .select([
        'k.contactId AS contact_id',
        'k.issueId AS issue_id',
        'k.agency AS agency',
        'k.status AS status',
        'k.openedAt AS opened_at',
        'k.closedAt AS closed_at',
        'k.recoveredCents AS recovered_cents',
        'k.summary AS summary',
      ])
      .addSelect('(c.consent_given_at IS NOT NULL AND c.erased_at IS NULL)', 'consenting')
      .where('k.organization_id = :org', { org: member.organizationId });
  }

  /**
   * The organisation's cases on each issue, counted (IssueTally.cases in the listening
   * report: the cases beside the conversations), batched in one query.
   */
  evidenceByIssue(loaders: Loaders, member: Member) {
    return loaders.get<string, CaseEvidence>('casework.evidenceByIssue', async (issueIds) => {
      const ids = issueIds.filter(isUuid);
      const rows = ids.length ? await this.evidenceQuery(member).andWhere('k.issue_id IN (:...ids)', { ids }).getRawMany() : [];
      const grouped = groupByKey(issueIds, rows as Array<RawEvidenceRow & { issue_id: string }>, (r) => r.issue_id);
      return grouped.map((list) => countEvidence(list.map(toEvidenceRow)));
    });
  }

  /** Counts only, never a name; quotes only from consenting people. */
  async evidence(member: Member, filter: EvidenceFilter | null | undefined): Promise<CaseEvidence> {
    const from = v.date('filter.from', filter?.from);
    const to = v.date('filter.to', filter?.to);
    const agency = v.text('filter.agency', filter?.agency, LIMITS.name);
    const query = this.evidenceQuery(member);
    if (filter?.campaignId) {
      if (!isUuid(filter.campaignId)) throw notFound('filter.campaignId: campaign', filter.campaignId);
      await this.campaigns.get(member, filter.campaignId, { em: this.db.manager, field: 'filter.campaignId' });
      query.andWhere('k.campaign_id = :campaign', { campaign: filter.campaignId });
    }
    if (filter?.issueId) query.andWhere('k.issue_id = :issue', { issue: isUuid(filter.issueId) ? filter.issueId : '00000000-0000-0000-0000-000000000000' });
    if (agency) query.andWhere('k.agency_normalized = :agency', { agency: normalizeForMatch(agency) });
    if (from) query.andWhere('k.opened_at >= :from', { from });
    if (to) query.andWhere('k.opened_at < :to', { to });
    const rows = await query.getRawMany();
    return countEvidence(rows.map(toEvidenceRow));
  }

  /** Evidence of a campaign's linked cases (Campaign.evidence, NegotiationBrief.evidence). */
  evidenceForCampaign(member: Member, campaignId: string | null): Promise<CaseEvidence> {
    if (!campaignId) return Promise.resolve(countEvidence([]));
    return this.evidence(member, { campaignId });
  }

  // --- privacy ---------------------------------------------------------------

  /** Export, this context's part: the person's cases and their steps. */
  async exportFor(em: EntityManager, organizationId: string, contactId: string) {
    const cases = await em.find(Case, { where: { organizationId, contactId }, order: { openedAt: 'ASC' } });
    const steps = cases.length ? await em.find(CaseStep, { where: { organizationId, caseId: In(cases.map((c) => c.id)) }, order: { at: 'ASC' } }) : [];
    const attended: Array<{ occurs_on: string; title: string }> = await em.query(
      `SELECT s.occurs_on::text AS occurs_on, ss.title FROM session_attendance a JOIN sessions s ON s.id = a.session_id JOIN session_series ss ON ss.id = s.series_id
        WHERE a.organization_id = $1 AND a.contact_id = $2 ORDER BY s.starts_at`,
      [organizationId, contactId],
    );
    return {
      cases: cases.map((c) => ({
        id: c.id,
        agency: c.agency,
        summary: c.summary,
        status: c.status,
        openedAt: c.openedAt,
        closedAt: c.closedAt,
        nextStepAt: c.nextStepAt,
        recoveredCents: c.recoveredCents,
        steps: steps.filter((s) => s.caseId === c.id).map((s) => ({ at: s.at, note: s.note })),
      })),
      sessionsAttended: attended.map((a) => ({ day: a.occurs_on, title: a.title })),
    };
  }

  /**
   * Erasure, this context's part: the summaries and step notes of the person's cases
   * are cleared; the cases stay (agency, status, dates, money) so every count stays
   * true. Their pending next-step reminders are cancelled (ids to dequeue after commit).
   */
  async eraseFor(em: EntityManager, organizationId: string, contactId: string): Promise<string[]> {
    const cases = await em.find(Case, { where: { organizationId, contactId }, select: { id: true } });
    if (cases.length === 0) return [];
    const ids = cases.map((c) => c.id);
    await em.update(Case, { id: In(ids) }, { summary: '' });
    await em.update(CaseStep, { caseId: In(ids), note: Not('') }, { note: '' });
    const cancelled: string[] = [];
    for (const id of ids) cancelled.push(...(await this.reminders.cancel(em, organizationId, { caseId: id })));
    return cancelled;
  }
}

type RawEvidenceRow = {
  contact_id: string;
  agency: string;
  status: CaseStatus;
  opened_at: string | Date;
  closed_at: string | Date | null;
  recovered_cents: number | null;
  summary: string;
  consenting: boolean;
};

function toEvidenceRow(r: RawEvidenceRow): EvidenceRow {
  return {
    contactId: r.contact_id,
    agency: r.agency,
    status: r.status,
    openedAt: new Date(r.opened_at),
    closedAt: r.closed_at ? new Date(r.closed_at) : null,
    recoveredCents: r.recovered_cents,
    summary: r.summary,
    consenting: r.consenting === true,
  };
}
