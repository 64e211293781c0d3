import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { badInput, groupByKey, v, type Loaders, type Member } from '@rapport/core';
import { findOwned, type GetOptions } from '@rapport/db';
import { CommitmentStatus, LIMITS, ReminderKind, Role } from '@rapport/shared';
import { AuthService, User } from '@rapport/auth';
import { Reminder, ReminderScheduler, STALE_AFTER_MS, type NewReminder } from '@rapport/reminders';
import { ContactsService } from '@rapport/contacts';
import { CampaignsService } from '@rapport/campaigns';
import { DecisionMaker } from '@rapport/decision-makers';
import { NegotiationDecisionMaker, NegotiationsService } from '@rapport/negotiations';
import { Commitment } from './entities/commitment.entity.js';
import type { CommitmentInput } from './dto/commitment.input.js';

const DAY_MS = 24 * 3600 * 1000;

export type CommitmentParty = 'contact' | 'decisionMaker';
export const partyOf = (c: Pick<Commitment, 'decisionMakerId'>): CommitmentParty => (c.decisionMakerId ? 'decisionMaker' : 'contact');

/**
 * When the follow-up owner is reminded, unless told otherwise (contract, CommitmentInput.remindAt):
 * a contact's commitment 24 h before it is due, or now if that is already past;
 * a decision-maker's at its deadline. A commitment due more than a day ago is
 * history being entered after the fact: its reminder stays in the past, so the
 * scheduler records it CANCELLED instead of nagging about a 2016 promise today.
 */
export function defaultRemindAt(party: CommitmentParty, dueAt: Date, now: Date = new Date()): Date {
  if (party === 'decisionMaker') return dueAt;
  const dayBefore = new Date(dueAt.getTime() - DAY_MS);
  if (dayBefore.getTime() >= now.getTime()) return dayBefore;
  return dueAt.getTime() < now.getTime() - STALE_AFTER_MS ? dayBefore : now;
}

@Injectable()
export class CommitmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reminders: ReminderScheduler,
    private readonly auth: AuthService,
    private readonly campaigns: CampaignsService,
    private readonly contacts: ContactsService,
    private readonly negotiations: NegotiationsService,
  ) {}

  async record(member: Member, input: CommitmentInput): Promise<Commitment> {
    const hasContact = input.contactId != null;
    const hasDecisionMaker = input.decisionMakerId != null;
    if (hasContact === hasDecisionMaker) {
      throw badInput(
        hasContact ? 'input.decisionMakerId' : 'input.contactId',
        'give exactly one of input.contactId or input.decisionMakerId',
        'personOrDecisionMaker',
      );
    }
    const party: CommitmentParty = hasContact ? 'contact' : 'decisionMaker';
    const description = v.name('input.description', input.description, LIMITS.text);
    const dueAt = v.date('input.dueAt', input.dueAt);
    if (!dueAt) throw badInput('input.dueAt', 'must not be empty', 'required');
    const remindAt = v.date('input.remindAt', input.remindAt) ?? defaultRemindAt(party, dueAt);
    const followUpOwnerId = input.followUpOwnerId ?? member.userId;
    if (input.followUpOwnerId != null) {
      await this.auth.memberOfOrganization(member.organizationId, input.followUpOwnerId, 'input.followUpOwnerId');
    }

    const { commitment, reminders } = await this.db.transaction(async (em) => {
      let campaignId: string | null = null;
      if (input.negotiationId != null) {
        campaignId = (await this.negotiations.get(member, input.negotiationId, { em, field: 'input.negotiationId' })).campaignId;
      }
      if (input.campaignId != null) {
        const campaign = await this.campaigns.get(member, input.campaignId, { em, field: 'input.campaignId' });
        if (campaignId && campaignId !== campaign.id) throw badInput('input.campaignId', "must be the negotiation's campaign (or be left out)");
        campaignId = campaign.id;
      }
      if (hasContact) {
        // Locked: an erasure at the same moment cannot miss this promise's words.
        await this.contacts.get(member, input.contactId!, { em, field: 'input.contactId', lock: true });
      } else {
        await findOwned(em, DecisionMaker, member.organizationId, input.decisionMakerId!, { field: 'input.decisionMakerId', label: 'decision-maker' });
      }

      const commitment = await em.save(
        em.create(Commitment, {
          organizationId: member.organizationId,
          campaignId,
          contactId: hasContact ? input.contactId! : null,
          decisionMakerId: hasContact ? null : input.decisionMakerId!,
          negotiationId: input.negotiationId ?? null,
          description,
          dueAt,
          remindAt,
          status: CommitmentStatus.OPEN,
          followUpOwnerId,
          resolvedAt: null,
          resolutionNote: null,
        }),
      );
      if (commitment.contactId) await this.contacts.touch(em, commitment.contactId);
      const reminders = await this.reminders.schedule(em, await this.newReminders(em, commitment));
      return { commitment, reminders };
    });
    await this.reminders.enqueue(reminders);
    return commitment;
  }

  /** KEPT, BROKEN or CANCELLED; its pending reminders are cancelled. */
  async resolve(member: Member, id: string, status: CommitmentStatus, note?: string | null): Promise<Commitment> {
    if (status === CommitmentStatus.OPEN)
      throw badInput('status', 'must be KEPT, BROKEN or CANCELLED (a commitment is resolved, not reopened)', 'resolveStatus');
    const resolutionNote = v.text('note', note);
    const { commitment, cancelled } = await this.db.transaction(async (em) => {
      const commitment = await this.get(member, id, { em, lock: true });
      // Locked first, then checked: an erasure that committed meanwhile is seen, one still
      // running waits for this row and then clears what this writes.
      if (commitment.contactId && (await this.contacts.isErased(em, member.organizationId, commitment.contactId))) {
        throw badInput('id', 'the person of this commitment was erased; it cannot be resolved any more');
      }
      Object.assign(commitment, { status, resolvedAt: new Date(), resolutionNote });
      await em.save(commitment);
      const cancelled = await this.reminders.cancel(em, member.organizationId, { commitmentId: commitment.id });
      return { commitment, cancelled };
    });
    await this.reminders.dequeue(cancelled);
    return commitment;
  }

  /**
   * A new date for an OPEN commitment: its pending reminders move with it. If none
   * is pending (already sent, or history), reminders are scheduled afresh for the new date.
   */
  async reschedule(member: Member, id: string, dueAtInput: Date, remindAtInput?: Date | null): Promise<Commitment> {
    const dueAt = v.date('dueAt', dueAtInput);
    if (!dueAt) throw badInput('dueAt', 'must not be empty', 'required');
    const explicitRemindAt = v.date('remindAt', remindAtInput);
    const now = new Date();
    const { commitment, moved, cancelled } = await this.db.transaction(async (em) => {
      const commitment = await this.get(member, id, { em, lock: true });
      if (commitment.status !== CommitmentStatus.OPEN)
        throw badInput('id', `the commitment is already ${commitment.status}; only an OPEN one can be rescheduled`, 'alreadyResolved', {
          status: commitment.status,
        });
      commitment.dueAt = dueAt;
      commitment.remindAt = explicitRemindAt ?? defaultRemindAt(partyOf(commitment), dueAt, now);
      await em.save(commitment);
      const subject = { commitmentId: commitment.id };
      if (commitment.remindAt.getTime() < now.getTime() - STALE_AFTER_MS) {
        return { commitment, moved: [] as Reminder[], cancelled: await this.reminders.cancel(em, member.organizationId, subject) };
      }
      let moved = await this.reminders.reschedule(em, member.organizationId, subject, commitment.remindAt);
      if (moved.length === 0) moved = await this.reminders.schedule(em, await this.newReminders(em, commitment), now);
      return { commitment, moved, cancelled: [] as string[] };
    });
    await this.reminders.dequeue(cancelled);
    await this.reminders.enqueue(moved, { replace: true });
    return commitment;
  }

  /** Soonest due first. */
  async list(member: Member, status?: CommitmentStatus | null, campaignId?: string | null): Promise<Commitment[]> {
    const where: FindOptionsWhere<Commitment> = { organizationId: member.organizationId };
    if (status) where.status = status;
    if (campaignId != null) where.campaignId = (await this.campaigns.get(member, campaignId, { field: 'campaignId' })).id;
    return this.db.getRepository(Commitment).find({ where, order: { dueAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Erasure, this context's part: the person's promises keep their rows (so every
   * count stays true) but lose their words; the OPEN ones are CANCELLED, so no
   * digest or reminder lists them again. Their pending reminders are the
   * ReminderScheduler's part.
   */
  async eraseFreeTextFor(em: EntityManager, organizationId: string, contactId: string): Promise<void> {
    await em.query(
      `UPDATE commitments SET description = '—', resolution_note = NULL,
              status = CASE WHEN status = 'OPEN' THEN 'CANCELLED' ELSE status END,
              resolved_at = CASE WHEN status = 'OPEN' THEN now() ELSE resolved_at END
        WHERE organization_id = $1 AND contact_id = $2`,
      [organizationId, contactId],
    );
  }

  /** NOT_FOUND for an unknown or invalid id, or another organisation's commitment. */
  get(member: Member, id: string, { em = this.db.manager, field, lock }: GetOptions = {}): Promise<Commitment> {
    return findOwned(em, Commitment, member.organizationId, id, { field, lock });
  }

  /**
   * A contact's commitment reminds its follow-up owner (COMMITMENT_DUE); a
   * decision-maker's deadline reminds the owner and every organiser of the
   * organisation (DECISION_MAKER_DEADLINE), one row per person.
   */
  private async newReminders(em: EntityManager, commitment: Commitment): Promise<NewReminder[]> {
    const base = { organizationId: commitment.organizationId, remindAt: commitment.remindAt, commitmentId: commitment.id };
    if (partyOf(commitment) === 'contact') {
      return [{ ...base, kind: ReminderKind.COMMITMENT_DUE, recipientUserId: commitment.followUpOwnerId }];
    }
    const organisers = await em.find(User, {
      where: { organizationId: commitment.organizationId, role: Role.ORGANISER, removedAt: IsNull() },
      select: { id: true },
      order: { createdAt: 'ASC' },
    });
    const recipients = new Set<string>();
    if (commitment.followUpOwnerId) recipients.add(commitment.followUpOwnerId);
    for (const o of organisers) recipients.add(o.id);
    return [...recipients].map((recipientUserId) => ({ ...base, kind: ReminderKind.DECISION_MAKER_DEADLINE, recipientUserId }));
  }

  // ---- DataLoaders (one statement per relation for a whole list) ----

  /** Commitments grouped by a column (contact, decision-maker, negotiation), soonest due first. */
  by(loaders: Loaders, member: Member, column: 'contactId' | 'decisionMakerId' | 'negotiationId') {
    return loaders.get<string, Commitment[]>(`commitments.by.${column}`, async (ids) => {
      const rows = await this.db.getRepository(Commitment).find({
        where: { [column]: In([...ids]), organizationId: member.organizationId },
        order: { dueAt: 'ASC', id: 'ASC' },
      });
      return groupByKey(ids, rows, (c) => c[column]);
    });
  }

  /** What the negotiation's decision-makers promised before, in any campaign: newest first. */
  decisionMakerHistory(loaders: Loaders, member: Member) {
    return loaders.get<string, Commitment[]>('commitments.historyByNegotiation', async (negotiationIds) => {
      const seats = await this.db.getRepository(NegotiationDecisionMaker).find({
        where: { negotiationId: In([...negotiationIds]), organizationId: member.organizationId },
      });
      const decisionMakerIds = [...new Set(seats.map((s) => s.decisionMakerId))];
      const commitments = decisionMakerIds.length
        ? await this.db.getRepository(Commitment).find({
            where: { decisionMakerId: In(decisionMakerIds), organizationId: member.organizationId },
            order: { createdAt: 'DESC', dueAt: 'DESC', id: 'ASC' },
          })
        : [];
      return groupByKey(negotiationIds, seats, (s) => s.negotiationId).map((mine) => {
        const at = new Set(mine.map((s) => s.decisionMakerId));
        return commitments.filter((c) => at.has(c.decisionMakerId!));
      });
    });
  }
}
