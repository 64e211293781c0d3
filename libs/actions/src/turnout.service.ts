import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { badInput, type Member } from '@rapport/core';
import { ConversationOutcome, LIMITS, ParticipationStatus, ReminderKind, Role, Visibility } from '@rapport/shared';
import { Organization } from '@rapport/auth';
import { ReminderScheduler } from '@rapport/reminders';
import { noShowTime } from './reminders/turnout-times.js';
import { ContactsService } from '@rapport/contacts';
import { Action } from './entities/action.entity.js';
import { ActionParticipant } from './entities/action-participant.entity.js';
import { ActionsService } from './actions.service.js';

/** The call list: people still to bring (invited or committed). */
const TO_CALL = [ParticipationStatus.INVITED, ParticipationStatus.COMMITTED];

export interface CallEntry {
  contactId: string;
  phone: string | null;
  status: ParticipationStatus;
  lastCallAt: Date | null;
  lastCallNote: string | null;
}

/**
 * Turnout: the call list before the action, calls logged about it, check-in at the
 * action, and closing attendance after it (the no-shows get a call back).
 */
@Injectable()
export class TurnoutService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly actions: ActionsService,
    private readonly contacts: ContactsService,
    private readonly reminders: ReminderScheduler,
  ) {}

  /** INVITED and COMMITTED people (not erased), least recently called first, never called before all. */
  async callList(member: Member, actionId: string): Promise<CallEntry[]> {
    return this.db.query(
      `SELECT p.contact_id AS "contactId", c.phone, p.status, p.last_call_at AS "lastCallAt", p.last_call_note AS "lastCallNote"
         FROM action_participants p JOIN contacts c ON c.id = p.contact_id AND c.organization_id = p.organization_id
        WHERE p.organization_id = $1 AND p.action_id = $2 AND p.status = ANY($3) AND c.erased_at IS NULL
        ORDER BY p.last_call_at ASC NULLS FIRST, c.sort_key ASC, c.id ASC`,
      [member.organizationId, actionId, TO_CALL],
    );
  }

  /**
   * A PHONE call about the action, in the conversation's transaction: talked → COMMITTED,
   * refused → the status stays (INVITED) and the note says why. The person is added as
   * INVITED when they were not on the list yet.
   */
  async recordCall(
    member: Member,
    em: EntityManager,
    input: { actionId: string; contactId: string | null; outcome: ConversationOutcome; notes: string | null; occurredAt: Date },
  ): Promise<void> {
    const action = await this.actions.get(member, input.actionId, { em, field: 'input.actionId' });
    if (!input.contactId) throw badInput('input.contactId', 'a call about an action names the person called', 'required');
    const existing = await em.findOne(ActionParticipant, {
      where: { organizationId: member.organizationId, actionId: action.id, contactId: input.contactId },
      lock: { mode: 'pessimistic_write' },
    });
    // Talked (and said yes) → COMMITTED; refused → INVITED again; not reached → unchanged.
    const previous = existing?.status ?? ParticipationStatus.INVITED;
    const status =
      input.outcome === ConversationOutcome.TALKED && previous === ParticipationStatus.INVITED
        ? ParticipationStatus.COMMITTED
        : input.outcome === ConversationOutcome.REFUSED && previous === ParticipationStatus.COMMITTED
          ? ParticipationStatus.INVITED
          : previous;
    const note = input.notes ? input.notes.slice(0, LIMITS.text) : null;
    await em.upsert(
      ActionParticipant,
      { organizationId: member.organizationId, actionId: action.id, contactId: input.contactId, status, lastCallAt: input.occurredAt, lastCallNote: note },
      ['actionId', 'contactId'],
    );
  }

  /** ATTENDED; a second tap changes nothing; someone not on the list is added as ATTENDED. */
  async checkIn(member: Member, actionId: string, contactId: string): Promise<Action> {
    return this.db.transaction(async (em) => {
      const action = await this.actions.get(member, actionId, { em, field: 'actionId' });
      if (action.cancelledAt) throw badInput('actionId', 'the action was cancelled', 'cancelled');
      await this.contacts.get(member, contactId, { em, field: 'contactId' });
      await em.upsert(ActionParticipant, { organizationId: member.organizationId, actionId, contactId, status: ParticipationStatus.ATTENDED }, [
        'actionId',
        'contactId',
      ]);
      await this.contacts.touch(em, contactId);
      return action;
    });
  }

  /** Every COMMITTED person not checked in becomes NO_SHOW; ACTION_NO_SHOW goes to the organiser the next morning. */
  async closeAttendance(member: Member, actionId: string, now = new Date()): Promise<Action> {
    const { action, scheduled, cancelled } = await this.db.transaction(async (em) => {
      const action = await this.actions.get(member, actionId, { em, field: 'actionId', lock: true });
      if (action.cancelledAt) throw badInput('actionId', 'the action was cancelled', 'cancelled');
      await em.update(
        ActionParticipant,
        { organizationId: member.organizationId, actionId, status: ParticipationStatus.COMMITTED },
        { status: ParticipationStatus.NO_SHOW },
      );
      // Closing twice keeps one ACTION_NO_SHOW.
      const cancelled = await this.reminders.cancel(em, member.organizationId, { actionId });
      const organization = await em.findOneByOrFail(Organization, { id: action.organizationId });
      const scheduled = await this.reminders.schedule(
        em,
        [
          {
            organizationId: action.organizationId,
            kind: ReminderKind.ACTION_NO_SHOW,
            remindAt: noShowTime(now, organization.timezone),
            recipientUserId: action.organiserId ?? member.userId,
            actionId,
          },
        ],
        now,
      );
      return { action, scheduled, cancelled };
    });
    await this.reminders.dequeue(cancelled);
    await this.reminders.enqueue(scheduled);
    return action;
  }

  /**
   * Turnout wins: actions (not cancelled) where as many people came as the goal asked,
   * latest first. Allies get only actions open to them, and only counts: who came stays
   * with the team (Action.participants answers them []).
   */
  turnoutWins(member: Member, first = 20): Promise<Action[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be from 1 to 100', 'intRange', { min: 1, max: 100 });
    return this.db
      .getRepository(Action)
      .createQueryBuilder('a')
      .where('a.organization_id = :org AND a.turnout_goal IS NOT NULL AND a.cancelled_at IS NULL', { org: member.organizationId })
      .andWhere(member.role === Role.ALLY ? 'a.visibility = :allies' : 'TRUE', { allies: Visibility.ALLIES })
      .andWhere(
        `(SELECT count(*) FROM action_participants p WHERE p.organization_id = a.organization_id AND p.action_id = a.id AND p.status = :attended) >= a.turnout_goal`,
        { attended: ParticipationStatus.ATTENDED },
      )
      .orderBy('a.starts_at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .take(first)
      .getMany();
  }

  /** Checked-in counts, one statement for a list of actions. */
  async checkInCounts(ids: readonly string[], member: Member): Promise<number[]> {
    const rows = await this.db.getRepository(ActionParticipant).find({
      where: { organizationId: member.organizationId, actionId: In([...ids]), status: ParticipationStatus.ATTENDED },
      select: { actionId: true },
    });
    return ids.map((id) => rows.filter((r) => r.actionId === id).length);
  }
}
