import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { badInput, byKey, groupByKey, isUuid, normalizeForMatch, v, type Loaders, type Member } from '@rapport/core';
import { columnList, hydrate, ownedNotFound, preparedQuery, selectEntities } from '@rapport/db';
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

/** The clientId was already written: the write is undone and the first conversation answered. */
class AlreadyLogged extends Error {}
/** An issue first named by another write after this one's statement began: written again, once. */
class ConcurrentIssue extends Error {}

/** The reason given by rapport_refuse (SQLSTATE RP001), if that is what stopped the statement. */
function refusal(error: unknown): string | undefined {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; message?: string }) : undefined;
  return driverError?.code === 'RP001' ? driverError.message?.replace(/^rapport_refuse: /, '') : undefined;
}

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
   * Logs a conversation, creating the contact and the new issues with it. A phone
   * that lost signal sends the same clientId again, maybe twice at once: the insert
   * skips a clientId already written (ON CONFLICT on the unique (organisation,
   * clientId) index, after waiting for a concurrent twin to commit), the write is
   * undone (the new contact with it) and the first conversation is returned.
   *
   * The usual conversation (a contact, issues, a campaign) is one statement and no
   * transaction: each round trip is a wait, and a write's time is mostly its round
   * trips. A door, an action, a session, a follow-up or a consent adds steps before
   * or after it, in a transaction with it.
   */
  async log(member: Member, input: LogConversationInput): Promise<Conversation> {
    const clientId = v.text('input.clientId', input.clientId, 100);
    let scheduled: Reminder[] = [];
    try {
      const checked = this.check(input);
      if (input.campaignId && !isUuid(input.campaignId)) throw ownedNotFound('input.campaignId', 'campaign', input.campaignId);
      if (input.contactId && !isUuid(input.contactId)) throw ownedNotFound('input.contactId', 'contact', input.contactId);
      const newContact = input.newContact ? this.contacts.newRow(member, input.newContact, 'input.newContact') : null;
      const { doorId, sessionId, actionId, followUpAt } = checked.columns;
      const steps = !!(doorId || sessionId || actionId || followUpAt || newContact?.consent);
      const write = async (em: EntityManager) => {
        let campaignId = input.campaignId ?? null;
        // A door's campaign is compared to this one: know first that this one is the caller's.
        if (campaignId && doorId) await this.campaigns.get(member, campaignId, { em, field: 'input.campaignId' });
        if (sessionId) await this.sessions.verify(member, sessionId, em, 'input.sessionId');
        // A door fills in where it happened (what the volunteer typed wins) and the campaign.
        const place = doorId ? await this.links.door(member, doorId, em, 'input.doorId') : null;
        if (place) {
          if (campaignId && campaignId !== place.campaignId) throw badInput('input.doorId', 'the door is in another campaign', 'otherCampaign');
          campaignId = place.campaignId;
          checked.columns.street ??= place.street;
          checked.columns.building ??= place.building;
          checked.columns.door ??= place.door;
        }
        const saved = await this.insert(em, member, { ...checked.columns, clientId, campaignId }, input.contactId ?? null, newContact, checked.issues);
        if (newContact?.consent) await this.contacts.auditConsent(em, member, saved.contactId!);
        await this.links.logged(
          member,
          {
            doorId: saved.doorId,
            actionId: saved.actionId,
            contactId: saved.contactId,
            outcome: saved.outcome,
            occurredAt: saved.occurredAt,
            notes: saved.notes,
          },
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
      };
      const attempt = () => (steps ? this.db.transaction(write) : write(this.db.manager));
      let conversation: Conversation;
      try {
        conversation = await attempt();
      } catch (error) {
        // An issue named for the first time by another write at this very moment: once more, now that it is there.
        if (!(error instanceof ConcurrentIssue)) throw error;
        conversation = await attempt();
      }
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
   * One statement: the contact (new, or the given one touched — the UPDATE locks it, and
   * re-checks it is not erased after waiting for an erasure), the issues by normalised
   * name (the missing ones created; ON CONFLICT makes two doors logged at once agree),
   * the conversation if the campaign is the caller's and the clientId is new, and its
   * raised issues. Its last SELECT refuses (rapport_refuse, migration 1796172100000)
   * whatever it did not find, which undoes all of it. The triggers, run at the end of the
   * statement, count the conversation and its raised issues in the campaign's figures.
   */
  private async insert(
    em: EntityManager,
    member: Member,
    columns: NewConversation,
    contactId: string | null,
    newContact: { columns: string[]; values: unknown[] } | null,
    issues: CheckedIssue[],
  ): Promise<Conversation> {
    const params: unknown[] = [member.organizationId];
    const p = (value: unknown) => `$${params.push(value)}`;
    const campaign = p(columns.campaignId);
    const contact = newContact
      ? `INSERT INTO contacts (${newContact.columns.join(', ')}) VALUES (${newContact.values.map(p).join(', ')}) RETURNING id`
      : contactId
        ? `UPDATE contacts SET last_seen_at = ${p(new Date())} WHERE id = ${p(contactId)} AND organization_id = $1 AND erased_at IS NULL RETURNING id`
        : `SELECT NULL::uuid AS id`;
    const names = p(issues.map((i) => i.name));
    const normalized = p(issues.map((i) => i.normalized));
    const values = [
      member.userId,
      columns.clientId,
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
    ].map(p);
    const sql = `
      WITH campaign AS (
        SELECT ${campaign}::uuid IS NULL OR EXISTS (SELECT 1 FROM campaigns WHERE id = ${campaign}::uuid AND organization_id = $1) AS found
      ), contact AS (
        ${contact}
      ), created AS (
        INSERT INTO issues (organization_id, name, normalized_name)
        SELECT $1, name, normalized FROM unnest(${names}::text[], ${normalized}::text[]) AS t(name, normalized)
        ON CONFLICT (organization_id, normalized_name) DO NOTHING
        RETURNING id, normalized_name
      ), issue AS (
        SELECT id, normalized_name FROM created
        UNION ALL
        SELECT id, normalized_name FROM issues WHERE organization_id = $1 AND normalized_name = ANY(${normalized}::text[])
      ), written AS (
        INSERT INTO conversations (organization_id, campaign_id, contact_id, organiser_id, client_id, kind, outcome, occurred_at, street, building, door,
                                   self_interest, interest_level, leadership_potential, follow_up_at, notes, session_id, door_id, action_id)
        SELECT $1, ${campaign}::uuid, contact.id, ${values.join(', ')}
          FROM campaign, contact WHERE campaign.found
        ON CONFLICT (organization_id, client_id) DO NOTHING
        RETURNING ${columnList(em, Conversation)}
      ), raised AS (
        INSERT INTO raised_issues (organization_id, conversation_id, issue_id, intensity, quote)
        SELECT $1, written.id, issue.id, r.intensity, r.quote
          FROM written, unnest(${normalized}::text[], ${p(issues.map((i) => i.intensity))}::int[], ${p(issues.map((i) => i.quote))}::text[])
               AS r(normalized, intensity, quote)
          JOIN issue ON issue.normalized_name = r.normalized
        RETURNING 1
      )
      SELECT CASE WHEN NOT campaign.found THEN rapport_refuse('campaign')
                  WHEN NOT EXISTS (SELECT 1 FROM contact) THEN rapport_refuse('contact')
                  WHEN written.id IS NULL THEN rapport_refuse('clientId')
                  WHEN (SELECT count(*) FROM raised) < cardinality(${normalized}::text[]) THEN rapport_refuse('issues')
             END AS refused, ${columnList(em, Conversation, 'written')}
        FROM campaign LEFT JOIN written ON true`;
    let rows: Array<Record<string, unknown>>;
    try {
      // Prepared: PostgreSQL plans each shape of this statement once per connection.
      rows = await preparedQuery(em, sql, params);
    } catch (error) {
      const reason = refusal(error);
      if (reason === 'campaign') throw ownedNotFound('input.campaignId', 'campaign', columns.campaignId);
      if (reason === 'contact') throw ownedNotFound('input.contactId', 'contact', contactId);
      if (reason === 'clientId') throw new AlreadyLogged();
      if (reason === 'issues') throw new ConcurrentIssue();
      throw error;
    }
    return hydrate(em, Conversation, rows[0]!);
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
    return campaignId
      ? selectEntities(
          this.db.manager,
          Conversation,
          'organization_id = $1 AND campaign_id = $2',
          [member.organizationId, campaignId, first],
          'ORDER BY occurred_at DESC, id LIMIT $3',
        )
      : selectEntities(this.db.manager, Conversation, 'organization_id = $1', [member.organizationId, first], 'ORDER BY occurred_at DESC, id LIMIT $2');
  }

  issues(member: Member): Promise<Issue[]> {
    return this.db.getRepository(Issue).find({ where: { organizationId: member.organizationId }, order: { name: 'ASC' } });
  }

  raisedIssuesByConversation(loaders: Loaders, member: Member) {
    return loaders.get<string, RaisedIssue[]>('raisedIssuesByConversation', async (ids) => {
      // The issues come with them (same organisation, one join): a list asking for
      // `issues { issue { name } }` waits for one statement, not two in a row.
      const found = (await preparedQuery(
        this.db,
        `SELECT ${columnList(this.db.manager, RaisedIssue, 'ri')}, row_to_json(i) AS issue_row
           FROM raised_issues ri JOIN issues i ON i.id = ri.issue_id AND i.organization_id = $2
          WHERE ri.conversation_id = ANY($1::uuid[]) AND ri.organization_id = $2
          ORDER BY ri.intensity DESC, ri.created_at ASC`,
        [ids.filter(isUuid), member.organizationId],
      )) as Array<Record<string, unknown> & { issue_row: Record<string, unknown> }>;
      const issues = this.issueById(loaders, member);
      const rows = found.map((row) => {
        const raised = hydrate(this.db.manager, RaisedIssue, row);
        // Kept on the row too: `issue` answers it at once (no promise per row of a list).
        raised.issue = hydrate(this.db.manager, Issue, row.issue_row);
        issues.prime(raised.issueId, raised.issue);
        return raised;
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
