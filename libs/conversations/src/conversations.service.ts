import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { badInput, byKey, groupByKey, isUuid, normalizeForMatch, v, type Loaders, type Member } from '@rapport/core';
import { hydrate, ownedNotFound } from '@rapport/db';
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

/** What logConversation writes in the conversation's row (the rest is the caller's and PostgreSQL's). */
type NewConversation = Pick<
  Conversation,
  | 'clientId'
  | 'kind'
  | 'outcome'
  | 'occurredAt'
  | 'campaignId'
  | 'contactId'
  | 'street'
  | 'building'
  | 'door'
  | 'selfInterest'
  | 'interestLevel'
  | 'leadershipPotential'
  | 'followUpAt'
  | 'notes'
  | 'sessionId'
  | 'doorId'
  | 'actionId'
>;

/** The clientId was already written: the transaction is undone and the first conversation answered. */
class AlreadyLogged extends Error {}

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
   * twice at once: the insert skips a clientId already written (ON CONFLICT on the
   * unique (organisation, clientId) index, waiting for a concurrent twin to commit),
   * the transaction is undone (the new contact with it) and the first conversation
   * is returned; nothing new is written.
   *
   * Few round trips, because each one is a wait while rows are locked: the campaign
   * check, the conversation and its raised issues are one statement, the issues one
   * more, and nothing is read back (the answer is what PostgreSQL returned).
   */
  async log(member: Member, input: LogConversationInput): Promise<Conversation> {
    const clientId = v.text('input.clientId', input.clientId, 100);
    let scheduled: Reminder[] = [];
    try {
      const checked = this.check(input);
      const conversation = await this.db.transaction(async (em) => {
        let campaignId = input.campaignId ?? null;
        // Not a uuid: no campaign of anyone's, without asking PostgreSQL.
        if (campaignId && !isUuid(campaignId)) throw ownedNotFound('input.campaignId', 'campaign', campaignId);
        // A door's campaign is compared to this one: know first that this one is the caller's.
        if (campaignId && checked.columns.doorId) await this.campaigns.get(member, campaignId, { em, field: 'input.campaignId' });
        if (checked.columns.sessionId) await this.sessions.verify(member, checked.columns.sessionId, em, 'input.sessionId');
        // A door fills in where it happened (what the volunteer typed wins) and the campaign.
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
          contactId = await this.contacts.touchOwned(em, member, input.contactId, 'input.contactId');
        } else if (input.newContact) {
          contactId = (await this.contacts.create(member, input.newContact, em, 'input.newContact')).id;
        }
        const issueIds = await this.issueIds(em, member, checked.issues);
        const saved = await this.insert(em, member, { ...checked.columns, clientId, contactId, campaignId }, checked.issues, issueIds);
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
      // Already written (this is a retry): the first conversation is the answer, even if
      // what it named has changed since (a person erased, a campaign deleted).
      if (clientId) {
        const first = await this.db.getRepository(Conversation).findOneBy({ organizationId: member.organizationId, clientId });
        if (first) return first;
      }
      throw error;
    }
  }

  /**
   * Writes the conversation and its raised issues in one statement, if the campaign
   * is the caller's (NOT_FOUND naming the field otherwise) and the clientId is new
   * (AlreadyLogged otherwise). The raised issues' trigger, run at the end of the
   * statement, sees the conversation, and counts them in the campaign's figures.
   */
  private async insert(
    em: EntityManager,
    member: Member,
    columns: NewConversation,
    issues: CheckedIssue[],
    issueIds: Map<string, string>,
  ): Promise<Conversation> {
    const rows = (await em.query(
      `WITH campaign AS (
         SELECT $3::uuid IS NULL OR EXISTS (SELECT 1 FROM campaigns WHERE id = $3::uuid AND organization_id = $1) AS found
       ), written AS (
         INSERT INTO conversations (organization_id, organiser_id, campaign_id, client_id, contact_id, kind, outcome, occurred_at, street, building, door,
                                    self_interest, interest_level, leadership_potential, follow_up_at, notes, session_id, door_id, action_id)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19 FROM campaign WHERE campaign.found
         ON CONFLICT (organization_id, client_id) DO NOTHING
         RETURNING *
       ), raised AS (
         INSERT INTO raised_issues (organization_id, conversation_id, issue_id, intensity, quote)
         SELECT $1, written.id, r.issue_id, r.intensity, r.quote
           FROM written, unnest($20::uuid[], $21::int[], $22::text[]) AS r(issue_id, intensity, quote)
       )
       SELECT campaign.found AS campaign_found, written.* FROM campaign LEFT JOIN written ON true`,
      [
        member.organizationId,
        member.userId,
        columns.campaignId,
        columns.clientId,
        columns.contactId,
        columns.kind,
        columns.outcome,
        columns.occurredAt,
        columns.street,
        columns.building,
        columns.door,
        columns.selfInterest,
        columns.interestLevel,
        columns.leadershipPotential,
        columns.followUpAt,
        columns.notes,
        columns.sessionId,
        columns.doorId,
        columns.actionId,
        issues.map((i) => issueIds.get(i.normalized)!),
        issues.map((i) => i.intensity),
        issues.map((i) => i.quote),
      ],
    )) as Array<Record<string, unknown> & { campaign_found: boolean; id: string | null }>;
    const [row] = rows;
    if (!row?.campaign_found) throw ownedNotFound('input.campaignId', 'campaign', columns.campaignId);
    if (!row.id) throw new AlreadyLogged();
    return hydrate(em, Conversation, row);
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
   * The ids of the issues by normalised name, creating the missing ones; the first
   * spelling seen is kept. ON CONFLICT makes two doors logged at once agree. One
   * statement: what it created and what was there. An issue created by another
   * transaction after this statement began is neither: read again, once.
   */
  private async issueIds(em: EntityManager, member: Member, issues: CheckedIssue[]): Promise<Map<string, string>> {
    const idOf = new Map<string, string>();
    if (issues.length === 0) return idOf;
    const names = issues.map((i) => i.normalized);
    const rows = (await em.query(
      `WITH created AS (
         INSERT INTO issues (organization_id, name, normalized_name)
         SELECT $1, name, normalized FROM unnest($2::text[], $3::text[]) AS t(name, normalized)
         ON CONFLICT (organization_id, normalized_name) DO NOTHING
         RETURNING id, normalized_name
       )
       SELECT id, normalized_name FROM created
       UNION ALL
       SELECT id, normalized_name FROM issues WHERE organization_id = $1 AND normalized_name = ANY($3::text[])`,
      [member.organizationId, issues.map((i) => i.name), names],
    )) as Array<{ id: string; normalized_name: string }>;
    for (const r of rows) idOf.set(r.normalized_name, r.id);
    if (idOf.size < names.length) {
      const late = await em.find(Issue, { where: { organizationId: member.organizationId, normalizedName: In(names.filter((n) => !idOf.has(n))) } });
      for (const r of late) idOf.set(r.normalizedName, r.id);
    }
    return idOf;
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
