import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { badInput, groupByKey, isUuid, notFound, v, type Loaders, type Member } from '@rapport/core';
import { findOwned } from '@rapport/db';
import { Organization } from '@rapport/auth';
import { Contact } from '@rapport/contacts';
import { DEFAULT_TIMEZONE, LIMITS, SessionKind, Visibility } from '@rapport/shared';
import { SessionSeries } from './entities/session-series.entity.js';
import { SessionRecord } from './entities/session-record.entity.js';
import { SessionAttendance } from './entities/session-attendance.entity.js';
import type { SessionSeriesInput } from './dto/casework.input.js';
import { Session } from './dto/casework.types.js';
import { checkRule, checkTime, dayIn, occurrenceOn, occurrences, occursOn, parseSessionId, sessionId } from './session-occurrences.js';

const KINDS = new Set(Object.values(SessionKind));
const VISIBILITIES = new Set(Object.values(Visibility));
/** A listing covers at most this much: a year and a bit, enough for a report. */
const MAX_RANGE_MS = 400 * 86_400_000;
const MAX_ATTENDEES = 200;

/**
 * Session series and their occurrences. An occurrence is computed from the rule until
 * something is recorded on it (attendance, a cancellation): then a SessionRecord keeps
 * it, with its times, whatever later becomes of the series.
 */
@Injectable()
export class SessionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async timeZone(organizationId: string, em: EntityManager = this.db.manager): Promise<string> {
    const org = await em.findOne(Organization, { where: { id: organizationId }, select: { id: true, timezone: true } });
    return org?.timezone || DEFAULT_TIMEZONE;
  }

  listSeries(member: Member): Promise<SessionSeries[]> {
    return this.db.getRepository(SessionSeries).find({ where: { organizationId: member.organizationId }, order: { title: 'ASC', id: 'ASC' } });
  }

  getSeries(member: Member, id: string, em: EntityManager = this.db.manager, field = 'id'): Promise<SessionSeries> {
    return findOwned(em, SessionSeries, member.organizationId, id, { field, label: 'session series' });
  }

  private async check(member: Member, input: SessionSeriesInput) {
    if (!KINDS.has(input.kind)) throw badInput('input.kind', 'is not a session kind');
    const visibility = input.visibility ?? Visibility.TEAM;
    if (!VISIBILITIES.has(visibility)) throw badInput('input.visibility', 'must be TEAM or ALLIES');
    const title = v.name('input.title', input.title, LIMITS.name);
    const location = v.text('input.location', input.location, LIMITS.name);
    const { rule, startsOn } = checkRule('input.rrule', input.rrule);
    const startTime = checkTime('input.startTime', input.startTime);
    const endTime = checkTime('input.endTime', input.endTime);
    if (endTime <= startTime) throw badInput('input.endTime', 'must be after the start time');
    return { kind: input.kind, title, location, rrule: rule, startTime, endTime, visibility, startsOn };
  }

  async createSeries(member: Member, input: SessionSeriesInput): Promise<SessionSeries> {
    const checked = await this.check(member, input);
    const tz = await this.timeZone(member.organizationId);
    const repo = this.db.getRepository(SessionSeries);
    return repo.save(repo.create({ ...checked, startsOn: checked.startsOn ?? dayIn(new Date(), tz), organizationId: member.organizationId }));
  }

  /** Past sessions keep their attendance: what was recorded keeps its own times. */
  async updateSeries(member: Member, id: string, input: SessionSeriesInput): Promise<SessionSeries> {
    const checked = await this.check(member, input);
    return this.db.transaction(async (em) => {
      const series = await this.getSeries(member, id, em);
      Object.assign(series, { ...checked, startsOn: checked.startsOn ?? series.startsOn });
      return em.save(series);
    });
  }

  /** Every series' occurrences starting in [from, to), cancelled ones included, by start. */
  async sessions(member: Member, from: Date, to: Date, seriesId?: string): Promise<Session[]> {
    const start = v.date('from', from)!;
    const end = v.date('to', to)!;
    if (end <= start) throw badInput('to', 'must be after from');
    if (end.getTime() - start.getTime() > MAX_RANGE_MS) throw badInput('to', 'must be at most 400 days after from');
    const tz = await this.timeZone(member.organizationId);
    const series = await this.db.getRepository(SessionSeries).find({ where: { organizationId: member.organizationId, ...(seriesId ? { id: seriesId } : {}) } });
    if (series.length === 0) return [];
    const records = await this.db
      .getRepository(SessionRecord)
      .createQueryBuilder('r')
      .where('r.organization_id = :org AND r.series_id IN (:...ids) AND r.starts_at >= :start AND r.starts_at < :end', {
        org: member.organizationId,
        ids: series.map((s) => s.id),
        start,
        end,
      })
      .getMany();
    const recordOf = new Map(records.map((r) => [sessionId(r.seriesId, r.occursOn), r]));
    const byId = new Map<string, Session>();
    for (const s of series) {
      for (const o of occurrences(s, start, end, tz)) {
        const id = sessionId(s.id, o.occursOn);
        byId.set(id, this.toSession(s, o.occursOn, o.startsAt, o.endsAt, recordOf.get(id) ?? null));
      }
    }
    // What was recorded stays, even when the series no longer has that day.
    const seriesOf = new Map(series.map((s) => [s.id, s]));
    for (const r of records) {
      const id = sessionId(r.seriesId, r.occursOn);
      byId.set(id, this.toSession(seriesOf.get(r.seriesId)!, r.occursOn, r.startsAt, r.endsAt, r));
    }
    return [...byId.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  }

  private toSession(series: SessionSeries, occursOn: string, computedStart: Date, computedEnd: Date, record: SessionRecord | null): Session {
    return Object.assign(new Session(), {
      id: sessionId(series.id, occursOn),
      seriesId: series.id,
      occursOn,
      recordId: record?.id ?? null,
      kind: series.kind,
      title: series.title,
      location: series.location,
      startsAt: record?.startsAt ?? computedStart,
      endsAt: record?.endsAt ?? computedEnd,
      cancelled: !!record?.cancelledAt,
    });
  }

  /** One session by its id: a stored one, or a day the series' rule has. NOT_FOUND otherwise. */
  async get(member: Member, id: string, em: EntityManager = this.db.manager, field = 'sessionId'): Promise<{ series: SessionSeries; session: Session }> {
    const parsed = parseSessionId(id);
    const series = parsed ? await em.findOneBy(SessionSeries, { id: parsed.seriesId, organizationId: member.organizationId }) : null;
    if (!parsed || !series) throw notFound(`${field}: session`, id);
    const record = await em.findOneBy(SessionRecord, { seriesId: series.id, occursOn: parsed.day, organizationId: member.organizationId });
    const tz = await this.timeZone(member.organizationId, em);
    if (!record && !occursOn(series, parsed.day, tz)) throw notFound(`${field}: session`, id);
    const o = occurrenceOn(series, parsed.day, tz);
    return { series, session: this.toSession(series, parsed.day, o.startsAt, o.endsAt, record) };
  }

  /** The occurrence stored (created if needed), locked until commit. */
  private async store(em: EntityManager, member: Member, id: string, field: string): Promise<SessionRecord> {
    const { series, session } = await this.get(member, id, em, field);
    await em.query(
      `INSERT INTO sessions (organization_id, series_id, occurs_on, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (series_id, occurs_on) DO NOTHING`,
      [member.organizationId, series.id, session.occursOn, session.startsAt, session.endsAt],
    );
    return (await em.findOne(SessionRecord, { where: { seriesId: series.id, occursOn: session.occursOn }, lock: { mode: 'pessimistic_write' } }))!;
  }

  async cancel(member: Member, id: string, reason: string | null | undefined): Promise<Session> {
    const why = v.text('reason', reason, LIMITS.name);
    await this.db.transaction(async (em) => {
      const record = await this.store(em, member, id, 'sessionId');
      if (!record.cancelledAt) await em.update(SessionRecord, { id: record.id }, { cancelledAt: new Date(), cancelReason: why });
    });
    return (await this.get(member, id)).session;
  }

  /** Adds the people present; tapping twice, or a phone sending its outbox again, changes nothing. */
  async recordAttendance(member: Member, id: string, contactIds: string[]): Promise<Session> {
    const ids = [...new Set(v.list('contactIds', contactIds, MAX_ATTENDEES, (_f, c: string) => c))];
    await this.db.transaction(async (em) => {
      const record = await this.store(em, member, id, 'sessionId');
      const found = ids.filter(isUuid).length
        ? await em.find(Contact, { where: { id: In(ids.filter(isUuid)), organizationId: member.organizationId }, select: { id: true, erasedAt: true } })
        : [];
      const known = new Set(found.filter((c) => !c.erasedAt).map((c) => c.id));
      const missing = ids.findIndex((c) => !known.has(c));
      if (missing >= 0) throw notFound(`contactIds[${contactIds.indexOf(ids[missing])}]: contact`, ids[missing]);
      if (ids.length > 0) {
        await em.query(
          `INSERT INTO session_attendance (organization_id, session_id, contact_id) SELECT $1, $2, unnest($3::uuid[])
           ON CONFLICT (session_id, contact_id) DO NOTHING`,
          [member.organizationId, record.id, ids],
        );
      }
    });
    return (await this.get(member, id)).session;
  }

  attendees(loaders: Loaders, member: Member) {
    return loaders.get<string, Contact[]>('sessionAttendees', async (recordIds) => {
      const rows = await this.db
        .getRepository(SessionAttendance)
        .find({ where: { sessionId: In([...recordIds]), organizationId: member.organizationId }, relations: { contact: true }, order: { createdAt: 'ASC' } });
      return groupByKey(recordIds, rows, (r) => r.sessionId).map((list) => list.map((r) => r.contact!).filter((c) => !c.erasedAt));
    });
  }

  /** DROP_IN conversations logged during each session. */
  visits(loaders: Loaders, member: Member) {
    return loaders.get<string, number>('sessionVisits', async (ids) => {
      const rows: Array<{ session_id: string; n: string }> = await this.db.query(
        `SELECT session_id, count(*) AS n FROM conversations WHERE organization_id = $1 AND kind = 'DROP_IN' AND session_id = ANY($2::text[]) GROUP BY session_id`,
        [member.organizationId, [...ids]],
      );
      const count = new Map(rows.map((r) => [r.session_id, Number(r.n)]));
      return ids.map((id) => count.get(id) ?? 0);
    });
  }

  seriesById(loaders: Loaders, member: Member) {
    return loaders.get<string, SessionSeries | null>('sessionSeriesById', async (ids) => {
      const rows = await this.db.getRepository(SessionSeries).findBy({ id: In([...ids]), organizationId: member.organizationId });
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    });
  }

  /** The ALLIES series and their cancelled occurrences, for the allies' calendar feed. */
  async forCalendar(organizationId: string) {
    const series = await this.db
      .getRepository(SessionSeries)
      .find({ where: { organizationId, visibility: Visibility.ALLIES }, order: { startsOn: 'ASC', id: 'ASC' } });
    const cancelled = series.length
      ? await this.db
          .getRepository(SessionRecord)
          .createQueryBuilder('r')
          .where('r.organization_id = :org AND r.series_id IN (:...ids) AND r.cancelled_at IS NOT NULL', { org: organizationId, ids: series.map((s) => s.id) })
          .orderBy('r.starts_at')
          .getMany()
      : [];
    return { series, cancelled };
  }
}
