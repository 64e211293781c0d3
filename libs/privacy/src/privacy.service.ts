import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { notFound, isUuid, type Member } from '@rapport/core';
import { AuthService, User } from '@rapport/auth';
import { ContactsService } from '@rapport/contacts';
import { Campaign } from '@rapport/campaigns';
import { Conversation, ConversationsService, Issue, RaisedIssue } from '@rapport/conversations';
import { Action, ActionParticipant } from '@rapport/actions';
import { Negotiation } from '@rapport/negotiations';
import { Commitment, CommitmentsService } from '@rapport/commitments';
import { Reminder, ReminderScheduler } from '@rapport/reminders';
import { MembershipService } from '@rapport/membership';
import { CasesService } from '@rapport/casework';
import { TurfService, buildingLabel } from '@rapport/turf';

/**
 * The GDPR rights of the people in the database: everything held on a person,
 * and erasure of their identity. Erasure keeps the rows (anonymous) so that every
 * count of the dashboard stays true. Both are written to the audit log.
 */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger('Retention');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactsService,
    private readonly conversations: ConversationsService,
    private readonly commitments: CommitmentsService,
    private readonly auth: AuthService,
    private readonly reminders: ReminderScheduler,
    private readonly membership: MembershipService,
    private readonly casework: CasesService,
    private readonly turf: TurfService,
  ) {}

  async exportContactData(member: Member, contactId: string): Promise<string> {
    return this.db.transaction(async (em) => {
      const contact = await this.contacts.get(member, contactId, { em, field: 'contactId' });
      const org = member.organizationId;
      const conversations = await em.find(Conversation, { where: { organizationId: org, contactId: contact.id }, order: { occurredAt: 'ASC' } });
      const raised = conversations.length
        ? await em.find(RaisedIssue, { where: { organizationId: org, conversationId: In(conversations.map((c) => c.id)) } })
        : [];
      const issues = raised.length ? await em.find(Issue, { where: { id: In([...new Set(raised.map((r) => r.issueId))]) } }) : [];
      const issueName = new Map(issues.map((i) => [i.id, i.name]));
      const commitments = await em.find(Commitment, { where: { organizationId: org, contactId: contact.id }, order: { dueAt: 'ASC' } });
      // Reminders about the person: of their commitments and of their conversations' follow-ups.
      const about = [
        ...(commitments.length ? [{ organizationId: org, commitmentId: In(commitments.map((c) => c.id)) }] : []),
        ...(conversations.length ? [{ organizationId: org, conversationId: In(conversations.map((c) => c.id)) }] : []),
      ];
      const reminders = about.length ? await em.find(Reminder, { where: about, order: { remindAt: 'ASC' } }) : [];
      const participations = await em.find(ActionParticipant, { where: { organizationId: org, contactId: contact.id } });
      const actions = participations.length ? await em.find(Action, { where: { organizationId: org, id: In(participations.map((p) => p.actionId)) } }) : [];
      const actionOf = new Map(actions.map((a) => [a.id, a]));
      const campaignIds = [...new Set([...conversations, ...commitments].map((c) => c.campaignId).filter((id): id is string => !!id))];
      const campaigns = campaignIds.length
        ? await em.find(Campaign, { where: { organizationId: org, id: In(campaignIds) }, select: { id: true, name: true } })
        : [];
      const campaignOf = (id: string | null) => (id ? (campaigns.find((c) => c.id === id)?.name ?? null) : null);
      const userIds = [
        ...new Set(
          [...conversations.map((c) => c.organiserId), ...commitments.map((c) => c.followUpOwnerId), ...reminders.map((r) => r.recipientUserId)].filter(
            (id): id is string => !!id,
          ),
        ),
      ];
      const users = userIds.length ? await em.find(User, { where: { organizationId: org, id: In(userIds) }, select: { id: true, displayName: true } }) : [];
      const memberName = (id: string | null) => (id ? (users.find((u) => u.id === id)?.displayName ?? null) : null);
      const negotiations = await em
        .createQueryBuilder(Negotiation, 'n')
        .where('n.organization_id = :org', { org })
        .andWhere(`n.brief_roles @> :role::jsonb`, { role: JSON.stringify([{ contactId: contact.id }]) })
        .getMany();
      const dues = await this.membership.exportFor(em, org, contact.id);
      const casework = await this.casework.exportFor(em, org, contact.id);
      const doors = await this.turf.doorsOfContact(em, org, contact.id);
      await this.auth.audit(em, member, 'EXPORT_CONTACT', 'Contact', contact.id);
      const { searchText: _s, sortKey: _k, organizationId: _o, ...person } = contact;
      return JSON.stringify(
        {
          exportedAt: new Date().toISOString(),
          contact: person,
          conversations: conversations.map((c) => ({
            id: c.id,
            kind: c.kind,
            outcome: c.outcome,
            occurredAt: c.occurredAt,
            campaign: campaignOf(c.campaignId),
            organiser: memberName(c.organiserId),
            street: c.street,
            building: c.building,
            door: c.door,
            selfInterest: c.selfInterest,
            interestLevel: c.interestLevel,
            leadershipPotential: c.leadershipPotential,
            followUpAt: c.followUpAt,
            notes: c.notes,
            issues: raised.filter((r) => r.conversationId === c.id).map((r) => ({ issue: issueName.get(r.issueId), intensity: r.intensity, quote: r.quote })),
          })),
          commitments: commitments.map((c) => ({
            id: c.id,
            description: c.description,
            campaign: campaignOf(c.campaignId),
            dueAt: c.dueAt,
            status: c.status,
            resolvedAt: c.resolvedAt,
            resolutionNote: c.resolutionNote,
            followUpOwner: memberName(c.followUpOwnerId),
          })),
          reminders: reminders.map((r) => ({
            kind: r.kind,
            about: r.commitmentId ? 'commitment' : r.membershipId ? 'membership' : 'conversation',
            remindAt: r.remindAt,
            status: r.status,
            sentAt: r.sentAt,
            recipient: memberName(r.recipientUserId),
          })),
          participations: participations.map((p) => ({
            action: actionOf.get(p.actionId)?.title,
            startsAt: actionOf.get(p.actionId)?.startsAt,
            status: p.status,
            lastCallAt: p.lastCallAt,
            lastCallNote: p.lastCallNote,
          })),
          doors: doors.map((d) => ({
            street: d.building?.street,
            building: d.building ? buildingLabel(d.building) : null,
            floor: d.floor,
            door: d.label,
            lastOutcome: d.lastOutcome,
            lastVisitAt: d.lastVisitAt,
            doNotKnock: d.doNotKnock,
          })),
          duesPayments: dues.duesPayments,
          memberships: dues.memberships,
          cases: casework.cases,
          sessionsAttended: casework.sessionsAttended,
          negotiationRoles: negotiations.flatMap((n) =>
            n.briefRoles.filter((r) => r.contactId === contact.id).map((r) => ({ negotiationId: n.id, scheduledAt: n.scheduledAt, role: r.role })),
          ),
        },
        null,
        2,
      );
    });
  }

  async eraseContact(member: Member, contactId: string): Promise<boolean> {
    if (!isUuid(contactId)) throw notFound('contactId: contact', contactId);
    const cancelled = await this.db.transaction(async (em) => {
      const ids = await this.eraseIdentity(em, member.organizationId, contactId);
      if (!ids) throw notFound('contactId: contact', contactId);
      await this.auth.audit(em, member, 'ERASE_CONTACT', 'Contact', contactId);
      return ids;
    });
    await this.reminders.dequeue(cancelled);
    return true;
  }

  /**
   * Retention: people not seen (no conversation, update or participation) for
   * their organisation's retention period (default 36 months) lose their identity
   * exactly as with eraseContact, recorded as PURGE_CONTACT by Rapport itself;
   * conversations with nobody attached lose their free text after the same period.
   * Runs daily in the worker; returns how many people were purged. Each person
   * is erased in their own transaction, so a run that fails half-way is simply
   * resumed by the next attempt.
   */
  async purgeStaleContacts(now = new Date(), batch = 500): Promise<number> {
    let purged = 0;
    for (;;) {
      const stale: Array<{ id: string; organization_id: string }> = await this.db.query(
        `SELECT k.id, k.organization_id FROM contacts k JOIN organizations o ON o.id = k.organization_id
          WHERE k.erased_at IS NULL AND k.last_seen_at < $1::timestamptz - make_interval(months => o.retention_months)
          ORDER BY k.last_seen_at LIMIT $2`,
        [now, batch],
      );
      for (const row of stale) {
        const cancelled = await this.db.transaction(async (em) => {
          // Locked and checked again inside: someone may have been updated (or erased) since the query.
          const still = await em.query(
            `SELECT 1 FROM contacts k JOIN organizations o ON o.id = k.organization_id
              WHERE k.id = $1 AND k.erased_at IS NULL AND k.last_seen_at < $2::timestamptz - make_interval(months => o.retention_months)
              FOR UPDATE OF k`,
            [row.id, now],
          );
          if (still.length === 0) return [];
          const ids = (await this.eraseIdentity(em, row.organization_id, row.id)) ?? [];
          await this.auth.audit(em, { organizationId: row.organization_id, userId: null }, 'PURGE_CONTACT', 'Contact', row.id);
          purged++;
          return ids;
        });
        await this.reminders.dequeue(cancelled);
      }
      if (stale.length < batch) break;
    }
    const cleared = await this.conversations.clearStaleContactless(now);
    if (cleared) this.logger.log(`free text of ${cleared} conversation(s) with nobody attached cleared after the retention period`);
    return purged;
  }

  /**
   * Every context clears what it holds about the person, in one transaction,
   * after the person's row is locked: an update or a conversation being written
   * about them either commits first (and is erased here) or waits and then finds
   * them erased (NOT_FOUND). Returns the cancelled reminders' ids (their jobs are
   * dropped after commit), or null if the person is unknown or already erased.
   */
  private async eraseIdentity(em: EntityManager, organizationId: string, contactId: string): Promise<string[] | null> {
    const contact = await this.contacts.lockForErasure(em, organizationId, contactId);
    if (!contact) return null;
    const cancelled = await this.reminders.cancelAboutContact(em, organizationId, contactId);
    await this.conversations.eraseFreeTextFor(em, organizationId, contactId, contact.isLeader);
    await this.commitments.eraseFreeTextFor(em, organizationId, contactId);
    await this.contacts.eraseFreeTextFor(em, organizationId, contactId);
    // Call notes about actions are the person's words; the door no longer says who lives there.
    await em.update(ActionParticipant, { organizationId, contactId }, { lastCallNote: null });
    await this.turf.forgetContact(em, organizationId, contactId);
    // Payments stay in the accounts, without what identifies the person (see MembershipService.eraseFor).
    const renewals = await this.membership.eraseFor(em, organizationId, contactId);
    // Cases stay counted (agency, status, dates, money); their summaries and step notes go.
    const nextSteps = await this.casework.eraseFor(em, organizationId, contactId);
    return [...cancelled, ...renewals, ...nextSteps];
  }
}
