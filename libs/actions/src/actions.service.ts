import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { badInput, byKey, groupByKey, v, type Loaders, type Member, isUuid } from '@rapport/core';
import { findOwned, type GetOptions } from '@rapport/db';
import { LIMITS, ParticipationStatus, ReminderKind, Role, Visibility } from '@rapport/shared';
import { Organization } from '@rapport/auth';
import { ReminderScheduler, type NewReminder } from '@rapport/reminders';
import { ContactsService } from '@rapport/contacts';
import { CampaignsService } from '@rapport/campaigns';
import { DecisionMakersService } from '@rapport/decision-makers';
import { Action } from './entities/action.entity.js';
import { ActionParticipant } from './entities/action-participant.entity.js';
import type { ActionInput } from './dto/action.input.js';
import { confirmReminders } from './reminders/turnout-times.js';

const HOUR_MS = 3600 * 1000;
const MAX_PAGE = 200;
/** Said yes: they count towards turnout even if they did not come. */
export const COMMITTED_STATUSES = [ParticipationStatus.COMMITTED, ParticipationStatus.ATTENDED, ParticipationStatus.NO_SHOW];
/** Participation that shows the person is still in touch (retention). */
const IN_TOUCH = new Set([ParticipationStatus.COMMITTED, ParticipationStatus.ATTENDED]);

export interface ParticipantCounts {
  committed: number;
  attended: number;
}

/** Allies only ever see actions open to them. */
const visibleTo = (member: Member): FindOptionsWhere<Action> => (member.role === Role.ALLY ? { visibility: Visibility.ALLIES } : {});

@Injectable()
export class ActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly decisionMakers: DecisionMakersService,
    private readonly contacts: ContactsService,
    private readonly reminders: ReminderScheduler,
  ) {}

  /** Writes the action and its organiser's ACTION_UPCOMING reminder together. */
  async schedule(member: Member, input: ActionInput, now = new Date()): Promise<Action> {
    const title = v.name('input.title', input.title);
    const startsAt = v.date('input.startsAt', input.startsAt);
    if (!startsAt) throw badInput('input.startsAt', 'must not be empty', 'required');
    const location = v.text('input.location', input.location, LIMITS.name);
    const turnoutGoal = v.positiveInt('input.turnoutGoal', input.turnoutGoal);
    const visibility = input.visibility ?? Visibility.TEAM;
    const { action, reminders } = await this.db.transaction(async (em) => {
      await this.campaigns.get(member, input.campaignId, { em, field: 'input.campaignId' });
      if (input.targetId != null) await this.decisionMakers.getDecisionMaker(member, input.targetId, { em, field: 'input.targetId' });
      const action = await em.save(
        em.create(Action, {
          organizationId: member.organizationId,
          campaignId: input.campaignId,
          title,
          kind: input.kind,
          startsAt,
          location,
          targetId: input.targetId ?? null,
          turnoutGoal,
          visibility,
          outcome: null,
          organiserId: member.userId,
        }),
      );
      const reminders = await this.reminders.schedule(
        em,
        [...(await confirmReminders(em, action, now)), ...(await this.upcomingReminders(em, action, now))],
        now,
      );
      return { action, reminders };
    });
    await this.reminders.enqueue(reminders);
    return action;
  }

  /** A new date: its pending ACTION_CONFIRM and ACTION_UPCOMING are replaced by ones for the new date. */
  async reschedule(member: Member, id: string, startsAtInput: Date, now = new Date()): Promise<Action> {
    const startsAt = v.date('startsAt', startsAtInput);
    if (!startsAt) throw badInput('startsAt', 'must not be empty', 'required');
    const { action, cancelled, scheduled } = await this.db.transaction(async (em) => {
      const action = await this.get(member, id, { em, field: 'id', lock: true });
      if (action.cancelledAt) throw badInput('id', 'the action was cancelled', 'cancelled');
      action.startsAt = startsAt;
      await em.update(Action, { id: action.id, organizationId: member.organizationId }, { startsAt });
      const cancelled = await this.reminders.cancel(em, member.organizationId, { actionId: action.id });
      const scheduled = await this.reminders.schedule(
        em,
        [...(await confirmReminders(em, action, now)), ...(await this.upcomingReminders(em, action, now))],
        now,
      );
      return { action, cancelled, scheduled };
    });
    await this.reminders.dequeue(cancelled);
    await this.reminders.enqueue(scheduled);
    return action;
  }

  /** Called off: its pending reminders are cancelled; check-in is refused from then on. */
  async cancel(member: Member, id: string, now = new Date()): Promise<Action> {
    const { action, cancelled } = await this.db.transaction(async (em) => {
      const action = await this.get(member, id, { em, field: 'id', lock: true });
      action.cancelledAt ??= now;
      await em.update(Action, { id: action.id, organizationId: member.organizationId }, { cancelledAt: action.cancelledAt });
      return { action, cancelled: await this.reminders.cancel(em, member.organizationId, { actionId: action.id }) };
    });
    await this.reminders.dequeue(cancelled);
    return action;
  }

  /**
   * One ACTION_UPCOMING row, for the organiser, `actionReminderHours` before the
   * start (now if that is already past). At send time the worker emails each
   * COMMITTED participant who has an email and consent, and gives the organiser
   * a call list of the others. An action recorded after it began gets none.
   */
  private async upcomingReminders(em: EntityManager, action: Action, now: Date): Promise<NewReminder[]> {
    if (action.startsAt.getTime() <= now.getTime()) return [];
    const organization = await em.findOneByOrFail(Organization, { id: action.organizationId });
    const hours = organization.actionReminderHours ?? 24;
    const remindAt = new Date(Math.max(action.startsAt.getTime() - hours * HOUR_MS, now.getTime()));
    return [
      {
        organizationId: action.organizationId,
        kind: ReminderKind.ACTION_UPCOMING,
        remindAt,
        recipientUserId: action.organiserId,
        actionId: action.id,
      },
    ];
  }

  /** One row per action and contact: a second call changes the status. */
  async setParticipation(member: Member, actionId: string, contactId: string, status: ParticipationStatus): Promise<ActionParticipant> {
    return this.db.transaction(async (em) => {
      await this.get(member, actionId, { em, field: 'actionId' });
      await this.contacts.get(member, contactId, { em, field: 'contactId' });
      await em.upsert(ActionParticipant, { organizationId: member.organizationId, actionId, contactId, status }, ['actionId', 'contactId']);
      if (IN_TOUCH.has(status)) await this.contacts.touch(em, contactId);
      return em.findOneByOrFail(ActionParticipant, { actionId, contactId, organizationId: member.organizationId });
    });
  }

  async recordOutcome(member: Member, actionId: string, outcome: string): Promise<Action> {
    const text = v.name('outcome', outcome, LIMITS.text);
    const action = await this.get(member, actionId, { field: 'actionId' });
    action.outcome = text;
    await this.db.getRepository(Action).update({ id: action.id, organizationId: member.organizationId }, { outcome: text });
    return action;
  }

  /** Actions from now on, soonest first; allies get only those open to allies. */
  upcoming(member: Member, first: number, now = new Date()): Promise<Action[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw badInput('first', `must be from 1 to ${MAX_PAGE}`, 'intRange', { min: 1, max: MAX_PAGE });
    return this.db.getRepository(Action).find({
      where: { organizationId: member.organizationId, startsAt: MoreThanOrEqual(now), ...visibleTo(member) },
      order: { startsAt: 'ASC', id: 'ASC' },
      take: first,
    });
  }

  /** A campaign's actions from now on, soonest first (the dashboard). */
  upcomingOfCampaign(member: Member, campaignId: string, now = new Date()): Promise<Action[]> {
    if (!isUuid(campaignId)) return Promise.resolve([]);
    return this.db.getRepository(Action).find({
      where: { organizationId: member.organizationId, campaignId, startsAt: MoreThanOrEqual(now), ...visibleTo(member) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  /** NOT_FOUND (naming the field) for an unknown id or another organisation's action. */
  get(member: Member, id: string, { em = this.db.manager, field, lock }: GetOptions = {}): Promise<Action> {
    return findOwned(em, Action, member.organizationId, id, { field, lock });
  }

  /** Actions by id for this request. */
  byId(loaders: Loaders, member: Member) {
    return loaders.get<string, Action | null>('actionById', async (ids) => {
      const rows = await this.db.getRepository(Action).findBy({ id: In([...ids]), organizationId: member.organizationId });
      return byKey(ids, rows, (a) => a.id);
    });
  }

  /** A campaign's actions in date order; allies see only those open to them. */
  byCampaign(loaders: Loaders, member: Member) {
    return loaders.get<string, Action[]>('actionsByCampaign', async (ids) => {
      const rows = await this.db.getRepository(Action).find({
        where: { campaignId: In([...ids]), organizationId: member.organizationId, ...visibleTo(member) },
        order: { startsAt: 'ASC', id: 'ASC' },
      });
      return groupByKey(ids, rows, (a) => a.campaignId);
    });
  }

  /** Each person's participations, for this request. */
  participationsOf(loaders: Loaders, member: Member) {
    return loaders.get<string, ActionParticipant[]>('participationsByContact', async (ids) => {
      const rows = await this.db.getRepository(ActionParticipant).find({
        where: { contactId: In([...ids]), organizationId: member.organizationId },
        relations: { action: true },
        order: { action: { startsAt: 'DESC' }, id: 'ASC' },
      });
      return groupByKey(ids, rows, (p) => p.contactId);
    });
  }

  participants(loaders: Loaders, member: Member) {
    return loaders.get<string, ActionParticipant[]>('participantsByAction', async (ids) => {
      const rows = await this.db.getRepository(ActionParticipant).find({
        where: { actionId: In([...ids]), organizationId: member.organizationId },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      return groupByKey(ids, rows, (p) => p.actionId);
    });
  }

  /** Both counts of a whole list of actions in one grouped statement. */
  counts(loaders: Loaders, member: Member) {
    return loaders.get<string, ParticipantCounts>('participantCountsByAction', async (ids) => {
      const rows: Array<{ actionId: string; committed: number; attended: number }> = await this.db.query(
        `SELECT action_id AS "actionId",
                count(*) FILTER (WHERE status = ANY($3))::int AS committed,
                count(*) FILTER (WHERE status = $4)::int AS attended
           FROM action_participants
          WHERE organization_id = $1 AND action_id = ANY($2::uuid[])
          GROUP BY action_id`,
        [member.organizationId, [...ids], COMMITTED_STATUSES, ParticipationStatus.ATTENDED],
      );
      return byKey(ids, rows, (r) => r.actionId).map((r) => ({ committed: r?.committed ?? 0, attended: r?.attended ?? 0 }));
    });
  }
}
