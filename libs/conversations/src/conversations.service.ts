import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { badInput, byKey, groupByKey, isUuid, normalizeForMatch, v, type Loaders, type Member } from '@rapport/core';
import { ContactsService } from '@rapport/contacts';
import { CampaignsService } from '@rapport/campaigns';
import { ReminderScheduler, type Reminder } from '@rapport/reminders';
import { LIMITS, ReminderKind } from '@rapport/shared';
import { Conversation } from './entities/conversation.entity.js';
import { Issue } from './entities/issue.entity.js';
import { RaisedIssue } from './entities/raised-issue.entity.js';
import type { LogConversationInput, RaisedIssueInput } from './dto/log-conversation.input.js';
import { ConversationSessions } from './conversation-sessions.js';
import { ConversationLinks } from './conversation-links.js';

const MAX_ISSUES = 20;
const isUniqueViolation = (error: unknown) => error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505';

interface CheckedIssue {
  name: string;
  normalized: string;
  intensity: number;
  quote: string | null;
}

@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactsService,
    private readonly campaigns: CampaignsService,
    private readonly reminders: ReminderScheduler,
    private readonly sessions: ConversationSessions,
    private readonly links: ConversationLinks,
  ) {}

  /**
   * Logs a conversation, creating the contact and the new issues in the same
   * transaction. A phone that lost signal sends the same clientId again, maybe
   * twice at once: the unique (organisation, clientId) index makes the second
   * insert fail, and the first conversation is returned; nothing new is written.
   */
  async log(member: Member, input: LogConversationInput): Promise<Conversation> {
    const clientId = v.text('input.clientId', input.clientId, 100);
    if (clientId) {
      const existing = await this.byClientId(member, clientId);
      if (existing) return existing;
    }
    const checked = this.check(input);
    let scheduled: Reminder[] = [];
    try {
      const conversation = await this.db.transaction(async (em) => {
        if (input.campaignId) await this.campaigns.get(member, input.campaignId, { em, field: 'input.campaignId' });
        if (checked.columns.sessionId) await this.sessions.verify(member, checked.columns.sessionId, em, 'input.sessionId');
        // A door fills in where it happened (what the volunteer typed wins) and the campaign.
        let campaignId = input.campaignId ?? null;
        const place = checked.columns.doorId ? await this.links.door(member, checked.columns.doorId, em, 'input.doorId') : null;
        if (place) {
          if (campaignId && campaignId !== place.campaignId) throw badInput('input.doorId', 'the door is in another campaign', 'otherCampaign');
          campaignId = place.campaignId;
          checked.columns.street ??= place.street;
          checked.columns.building ??= place.building;
          checked.columns.door ??= place.door;
        }
        let contactId: string | null = null;
        if (input.contactId) {
          // Locked: an erasure at the same moment cannot miss what this writes about the person.
          contactId = (await this.contacts.get(member, input.contactId, { em, field: 'input.contactId', lock: true })).id;
          await this.contacts.touch(em, contactId);
        } else if (input.newContact) {
          contactId = (await this.contacts.create(member, input.newContact, em, 'input.newContact')).id;
        }
        const saved = await em.save(
          em.create(Conversation, {
            ...checked.columns,
            clientId,
            contactId,
            campaignId,
            organizationId: member.organizationId,
            organiserId: member.userId,
          }),
        );
        await this.saveIssues(em, member, saved.id, checked.issues);
        await this.links.logged(
          member,
          { doorId: saved.doorId, actionId: saved.actionId, contactId, outcome: saved.outcome, occurredAt: saved.occurredAt, notes: saved.notes },
          em,
        );
        if (saved.followUpAt) {
          scheduled = await this.reminders.schedule(em, [
            {
              organizationId: member.organizationId,
              kind: ReminderKind.FOLLOW_UP,
              remindAt: saved.followUpAt,
              recipientUserId: member.userId,
              conversationId: saved.id,
            },
          ]);
        }
        return saved;
      });
      await this.reminders.enqueue(scheduled);
      return conversation;
    } catch (error) {
      if (clientId && isUniqueViolation(error)) {
        const first = await this.byClientId(member, clientId);
        if (first) return first;
      }
      throw error;
    }
  }

  private byClientId(member: Member, clientId: string) {
    return this.db.getRepository(Conversation).findOneBy({ organizationId: member.organizationId, clientId });
  }

  /** Every check before anything is written; errors name the field by its path. */
  private check(input: LogConversationInput) {
    if (input.contactId && input.newContact) throw badInput('input.newContact', 'give either contactId or newContact, not both', 'contactOrNew');
    const occurredAt = v.date('input.occurredAt', input.occurredAt) ?? new Date();
    if (occurredAt.getTime() > Date.now() + 24 * 3600 * 1000) throw badInput('input.occurredAt', 'must not be in the future', 'future');
    const seen = new Set<string>();
    const issues: CheckedIssue[] = [];
    v.list('input.issues', input.issues, MAX_ISSUES, (field, issue: RaisedIssueInput) => {
      const name = v.name(`${field}.name`, issue.name);
      const intensity = v.intRange(`${field}.intensity`, issue.intensity, 1, 5)!;
      const quote = v.text(`${field}.quote`, issue.quote);
      const normalized = normalizeForMatch(name);
      if (!seen.has(normalized)) issues.push({ name, normalized, intensity, quote });
      seen.add(normalized);
      return issue;
    });
    return {
      issues,
      columns: {
        kind: input.kind,
        outcome: input.outcome,
        occurredAt,
        street: v.text('input.street', input.street, LIMITS.name),
        building: v.text('input.building', input.building, LIMITS.name),
        door: v.text('input.door', input.door, LIMITS.name),
        selfInterest: v.text('input.selfInterest', input.selfInterest),
        interestLevel: v.intRange('input.interestLevel', input.interestLevel, 1, 5),
        leadershipPotential: input.leadershipPotential ?? false,
        followUpAt: v.date('input.followUpAt', input.followUpAt),
        notes: v.text('input.notes', input.notes),
        sessionId: v.text('input.sessionId', input.sessionId, 100),
        doorId: v.text('input.doorId', input.doorId, 100),
        actionId: v.text('input.actionId', input.actionId, 100),
      },
    };
  }

  /**
   * Matches issues by their normalised name, creating the missing ones; the
   * first spelling seen is kept. ON CONFLICT makes two doors logged at once agree.
   */
  private async saveIssues(em: EntityManager, member: Member, conversationId: string, issues: CheckedIssue[]) {
    if (issues.length === 0) return;
    await em.query(
      `INSERT INTO issues (organization_id, name, normalized_name)
       SELECT $1, name, normalized FROM unnest($2::text[], $3::text[]) AS t(name, normalized)
       ON CONFLICT (organization_id, normalized_name) DO NOTHING`,
      [member.organizationId, issues.map((i) => i.name), issues.map((i) => i.normalized)],
    );
    const rows = await em.find(Issue, { where: { organizationId: member.organizationId, normalizedName: In(issues.map((i) => i.normalized)) } });
    const idOf = new Map(rows.map((r) => [r.normalizedName, r.id]));
    await em.insert(
      RaisedIssue,
      issues.map((i) => ({ organizationId: member.organizationId, conversationId, issueId: idOf.get(i.normalized)!, intensity: i.intensity, quote: i.quote })),
    );
  }

  /**
   * Erasure, this context's part: what was written in the person's conversations
   * (notes, self-interest, where they live, their quotes) goes; the rows stay, so
   * every count stays true. A leader's flag is folded into their (now anonymous)
   * conversations' leadershipPotential, so leadersIdentified counts them still.
   */
  async eraseFreeTextFor(em: EntityManager, organizationId: string, contactId: string, wasLeader: boolean): Promise<void> {
    await em.query(
      `UPDATE raised_issues SET quote = NULL
        WHERE organization_id = $1 AND quote IS NOT NULL
          AND conversation_id IN (SELECT id FROM conversations WHERE organization_id = $1 AND contact_id = $2)`,
      [organizationId, contactId],
    );
    await em.update(
      Conversation,
      { organizationId, contactId },
      {
        street: null,
        building: null,
        door: null,
        notes: null,
        selfInterest: null,
        ...(wasLeader ? { leadershipPotential: true } : {}),
      },
    );
  }

  /**
   * Retention of conversations with nobody attached (a door where no name was
   * given): past the organisation's retention period their free text goes, the
   * rows and every count stay. Returns how many conversations were cleared.
   */
  async clearStaleContactless(now: Date): Promise<number> {
    return this.db.transaction(async (em) => {
      const stale = `SELECT c.id FROM conversations c JOIN organizations o ON o.id = c.organization_id
        WHERE c.contact_id IS NULL AND c.occurred_at < $1::timestamptz - make_interval(months => o.retention_months)`;
      await em.query(`UPDATE raised_issues SET quote = NULL WHERE quote IS NOT NULL AND conversation_id IN (${stale})`, [now]);
      const [, cleared] = (await em.query(
        `UPDATE conversations SET street = NULL, building = NULL, door = NULL, notes = NULL, self_interest = NULL
          WHERE id IN (${stale}) AND (street IS NOT NULL OR building IS NOT NULL OR door IS NOT NULL OR notes IS NOT NULL OR self_interest IS NOT NULL)`,
        [now],
      )) as [unknown, number];
      return cleared;
    });
  }

  list(member: Member, campaignId: string | null | undefined, first: number): Promise<Conversation[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500) throw badInput('first', 'must be from 1 to 500', 'intRange', { min: 1, max: 500 });
    if (campaignId && !isUuid(campaignId)) return Promise.resolve([]);
    return this.db.getRepository(Conversation).find({
      where: { organizationId: member.organizationId, ...(campaignId ? { campaignId } : {}) },
      order: { occurredAt: 'DESC', id: 'ASC' },
      take: first,
    });
  }

  issues(member: Member): Promise<Issue[]> {
    return this.db.getRepository(Issue).find({ where: { organizationId: member.organizationId }, order: { name: 'ASC' } });
  }

  raisedIssuesByConversation(loaders: Loaders, member: Member) {
    return loaders.get<string, RaisedIssue[]>('raisedIssuesByConversation', async (ids) => {
      const rows = await this.db.getRepository(RaisedIssue).find({
        where: { conversationId: In([...ids]), organizationId: member.organizationId },
        order: { intensity: 'DESC', createdAt: 'ASC' },
      });
      return groupByKey(ids, rows, (r) => r.conversationId);
    });
  }

  issueById(loaders: Loaders, member: Member) {
    return loaders.get<string, Issue | null>('issueById', async (ids) => {
      const rows = await this.db.getRepository(Issue).findBy({ id: In([...ids]), organizationId: member.organizationId });
      return byKey(ids, rows, (r) => r.id);
    });
  }

  conversationsByContact(loaders: Loaders, member: Member) {
    return loaders.get<string, Conversation[]>('conversationsByContact', async (ids) => {
      const rows = await this.db.getRepository(Conversation).find({
        where: { contactId: In([...ids]), organizationId: member.organizationId },
        order: { occurredAt: 'DESC' },
      });
      return groupByKey(ids, rows, (r) => r.contactId!);
    });
  }
}
