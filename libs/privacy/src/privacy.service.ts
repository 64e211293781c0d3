import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Member } from '@rapport/core';
import { AuthService } from '@rapport/auth';
import { Contact, ContactsService } from '@rapport/contacts';
import { Conversation, Issue, RaisedIssue } from '@rapport/conversations';
import { Action, ActionParticipant } from '@rapport/actions';
import { Negotiation } from '@rapport/negotiations';
import { Commitment } from '@rapport/commitments';

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
          negotiationRoles: negotiations.flatMap((n) => n.briefRoles.filter((r) => r.contactId === contact.id).map((r) => ({ negotiationId: n.id, scheduledAt: n.scheduledAt, role: r.role }))),
        },
        null,
        2,
      );
    });
  }

  async eraseContact(member: Member, contactId: string): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const contact = await this.contacts.get(member, contactId, em, 'contactId');
      const org = member.organizationId;
      await em.update(Contact, { id: contact.id }, {
        firstName: '—', lastName: null, phone: null, email: null, street: null, building: null, postalCode: null, city: null,
        neighbourhood: null, languages: [], tags: [], consentGivenAt: null, searchText: '', sortKey: '~', erasedAt: new Date(),
      });
      const conversations = await em.find(Conversation, { where: { organizationId: org, contactId: contact.id }, select: { id: true } });
      await em.update(Conversation, { organizationId: org, contactId: contact.id }, { street: null, building: null, door: null, notes: null, selfInterest: null });
      if (conversations.length) {
        await em.update(RaisedIssue, { organizationId: org, conversationId: In(conversations.map((c) => c.id)) }, { quote: null });
      }
      await this.auth.audit(em, member, 'ERASE_CONTACT', 'Contact', contact.id);
      return true;
    });
  }
}
