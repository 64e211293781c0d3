import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Member } from '@rapport/core';
import { AuthService } from '@rapport/auth';
import { Contact, ContactsService } from '@rapport/contacts';
import { Conversation, Issue, RaisedIssue } from '@rapport/conversations';
import { Action, ActionParticipant } from '@rapport/actions';
import { Negotiation } from '@rapport/negotiations';
import { Commitment } from '@rapport/commitments';
import { ReminderScheduler } from '@rapport/reminders';
import { MembershipService } from '@rapport/membership';

/**
 * The GDPR rights of the people in the database: everything held on a person,
 * and erasure of their identity. Erasure keeps the rows (anonymous) so that every
 * count of the dashboard stays true. Both are written to the audit log.
 */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactsService,
    private readonly auth: AuthService,
    private readonly reminders: ReminderScheduler,
    private readonly membership: MembershipService,
  ) {}

  async exportContactData(member: Member, contactId: string): Promise<string> {
    return this.db.transaction(async (em) => {
      const contact = await this.contacts.get(member, contactId, em, 'contactId');
      const org = member.organizationId;
      const conversations = await em.find(Conversation, { where: { organizationId: org, contactId: contact.id }, order: { occurredAt: 'ASC' } });
      const raised = conversations.length
        ? await em.find(RaisedIssue, { where: { organizationId: org, conversationId: In(conversations.map((c) => c.id)) } })
        : [];
      const issues = raised.length ? await em.find(Issue, { where: { id: In([...new Set(raised.map((r) => r.issueId))]) } }) : [];
      const issueName = new Map(issues.map((i) => [i.id, i.name]));
      const commitments = await em.find(Commitment, { where: { organizationId: org, contactId: contact.id }, order: { dueAt: 'ASC' } });
      const participations = await em.find(ActionParticipant, { where: { organizationId: org, contactId: contact.id } });
      const actions = participations.length ? await em.find(Action, { where: { id: In(participations.map((p) => p.actionId)) } }) : [];
      const actionOf = new Map(actions.map((a) => [a.id, a]));
      const negotiations = await em
        .createQueryBuilder(Negotiation, 'n')
        .where('n.organization_id = :org', { org })
        .andWhere(`n.brief_roles @> :role::jsonb`, { role: JSON.stringify([{ contactId: contact.id }]) })
        .getMany();
      const dues = await this.membership.exportFor(em, org, contact.id);
      await this.auth.audit(em, member, 'EXPORT_CONTACT', 'Contact', contact.id);
      const { searchText: _s, sortKey: _k, organizationId: _o, ...person } = contact;
      return JSON.stringify(
        {
          exportedAt: new Date().toISOString(),
          contact: person,
          conversations: conversations.map((c) => ({
            id: c.id, kind: c.kind, outcome: c.outcome, occurredAt: c.occurredAt, street: c.street, building: c.building, door: c.door,
            selfInterest: c.selfInterest, interestLevel: c.interestLevel, leadershipPotential: c.leadershipPotential, followUpAt: c.followUpAt, notes: c.notes,
            issues: raised.filter((r) => r.conversationId === c.id).map((r) => ({ issue: issueName.get(r.issueId), intensity: r.intensity, quote: r.quote })),
          })),
          commitments: commitments.map((c) => ({ id: c.id, description: c.description, dueAt: c.dueAt, status: c.status, resolvedAt: c.resolvedAt })),
          participations: participations.map((p) => ({ action: actionOf.get(p.actionId)?.title, startsAt: actionOf.get(p.actionId)?.startsAt, status: p.status })),
          duesPayments: dues.duesPayments,
          memberships: dues.memberships,
          negotiationRoles: negotiations.flatMap((n) => n.briefRoles.filter((r) => r.contactId === contact.id).map((r) => ({ negotiationId: n.id, scheduledAt: n.scheduledAt, role: r.role }))),
        },
        null,
        2,
      );
    });
  }

  async eraseContact(member: Member, contactId: string): Promise<boolean> {
    const cancelled = await this.db.transaction(async (em) => {
      const contact = await this.contacts.get(member, contactId, em, 'contactId');
      const ids = await this.eraseIdentity(em, member.organizationId, contact.id);
      await this.auth.audit(em, member, 'ERASE_CONTACT', 'Contact', contact.id);
      return ids;
    });
    await this.reminders.dequeue(cancelled);
    return true;
  }

  /**
   * Retention: people not seen (no conversation, update or participation) for
   * their organisation's retention period (default 36 months) lose their identity
   * exactly as with eraseContact, recorded as PURGE_CONTACT by Rapport itself.
   * Runs daily in the worker; returns how many people were purged.
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
          const ids = await this.eraseIdentity(em, row.organization_id, row.id);
          await this.auth.audit(em, { organizationId: row.organization_id, userId: null }, 'PURGE_CONTACT', 'Contact', row.id);
          return ids;
        });
        await this.reminders.dequeue(cancelled);
      }
      purged += stale.length;
      if (stale.length < batch) return purged;
    }
  }

  /**
   * Name, phone, email, address, notes and quotes go; the rows stay, so every count
   * stays true. Pending reminders about the person are cancelled: they would name
   * them. Returns the cancelled reminders' ids (their jobs are dropped after commit).
   */
  private async eraseIdentity(em: EntityManager, organizationId: string, contactId: string): Promise<string[]> {
    await em.update(Contact, { id: contactId, organizationId }, {
      firstName: '—', lastName: null, phone: null, email: null, street: null, building: null, postalCode: null, city: null,
      neighbourhood: null, languages: [], tags: [], consentGivenAt: null, searchText: '', sortKey: '~', erasedAt: new Date(),
    });
    await em.update(Conversation, { organizationId, contactId }, { street: null, building: null, door: null, notes: null, selfInterest: null });
    await em.query(
      `UPDATE raised_issues SET quote = NULL
        WHERE organization_id = $1 AND conversation_id IN (SELECT id FROM conversations WHERE organization_id = $1 AND contact_id = $2)`,
      [organizationId, contactId],
    );
    const cancelled: Array<{ id: string }> = await em.query(
      `UPDATE reminders SET status = 'CANCELLED'
        WHERE organization_id = $1 AND status = 'SCHEDULED'
          AND (commitment_id IN (SELECT id FROM commitments WHERE organization_id = $1 AND contact_id = $2)
            OR conversation_id IN (SELECT id FROM conversations WHERE organization_id = $1 AND contact_id = $2))
        RETURNING id`,
      [organizationId, contactId],
    ).then((result: [Array<{ id: string }>, number] | Array<{ id: string }>) => (Array.isArray(result[0]) ? (result[0] as Array<{ id: string }>) : (result as Array<{ id: string }>)));
    const renewals = await this.membership.eraseFor(em, organizationId, contactId);
    return [...cancelled.map((r) => r.id), ...renewals];
  }
}
