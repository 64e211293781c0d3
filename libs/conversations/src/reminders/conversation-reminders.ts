import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { And, In, LessThan, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { ReminderKind, type Messages } from '@rapport/shared';
import { RemindersModule, ReminderProviders, type DigestSection, type Reminder, type ReminderProvider } from '@rapport/reminders';
import { Conversation } from '../entities/conversation.entity.js';

const WEEK_MS = 7 * 24 * 3600 * 1000;
const MAX_DIGEST_ITEMS = 50;

/** Where it happened: "3 rue de Bourgogne, B, 12", or null. */
const placeOf = (c: Pick<Conversation, 'street' | 'building' | 'door'>) => [c.street, c.building, c.door].filter(Boolean).join(', ') || null;
/** The person met, unless erased (their name is gone). */
const personOf = (c: Conversation) => (c.contact && !c.contact.erasedAt ? c.contact : null);
const nameOf = (c: Conversation) => {
  const p = personOf(c);
  return p ? [p.firstName, p.lastName].filter(Boolean).join(' ') || '?' : null;
};

export interface DueFollowUp {
  who: string;
  followUpAt: Date;
  organiser: string;
}

/** The FOLLOW_UP reminders of conversations, and the digest's "follow-ups due" section. */
@Injectable()
export class ConversationReminders implements ReminderProvider<Conversation>, DigestSection<DueFollowUp>, OnModuleInit {
  readonly order = 3;
  /** A follow-up reminder written without its conversation still goes out (generic words). */
  readonly subjectOptional = true;

  constructor(private readonly registry: ReminderProviders) {}

  onModuleInit() {
    this.registry.register([ReminderKind.FOLLOW_UP], this);
    this.registry.registerDigestSection(this);
  }

  subjectId(reminder: Reminder) {
    return reminder.conversationId;
  }

  async load(ids: string[], em: EntityManager) {
    const rows = await em.getRepository(Conversation).find({ where: { id: In(ids) }, relations: { campaign: true, contact: true } });
    return new Map(rows.map((c) => [c.id, c]));
  }

  organizationOf(c: Conversation) {
    return c.organizationId;
  }

  whyNotRelevant(c: Conversation | null) {
    return c ? null : 'the conversation no longer exists';
  }

  /** The person's page, else the campaign's dashboard, else the member's reminders. */
  route(c: Conversation) {
    const person = personOf(c);
    if (person) return `/contacts/${person.id}`;
    if (c.campaignId) return `/campaigns/${c.campaignId}`;
    return '/notifications';
  }

  headline(c: Conversation, reminder: Reminder, m: Messages) {
    return m.t('followUp.headline', { who: nameOf(c) ?? placeOf(c) ?? m.t('followUp.someone'), when: m.when(c.followUpAt ?? reminder.remindAt) });
  }

  body(c: Conversation, reminder: Reminder, m: Messages) {
    const place = placeOf(c);
    const phone = personOf(c)?.phone;
    return [
      m.t('followUp.planned', { who: nameOf(c) ?? place ?? m.t('followUp.someone') }),
      m.t('followUp.after', { when: m.when(c.occurredAt) }),
      m.t('followUp.at', { when: m.when(c.followUpAt ?? reminder.remindAt) }),
      ...(place ? [m.t('followUp.address', { place })] : []),
      ...(phone ? [m.t('reminder.phone', { phone })] : []),
      ...(c.campaign ? [m.t('reminder.campaign', { name: c.campaign.name })] : []),
    ];
  }

  // The digest: follow-ups from a week ago to a week ahead.

  async items(organizationId: string, now: Date, em: EntityManager): Promise<DueFollowUp[]> {
    const rows = await em.getRepository(Conversation).find({
      where: { organizationId, followUpAt: And(MoreThanOrEqual(new Date(now.getTime() - WEEK_MS)), LessThan(new Date(now.getTime() + WEEK_MS))) },
      relations: { contact: true, organiser: true },
      order: { followUpAt: 'ASC', id: 'ASC' },
      take: MAX_DIGEST_ITEMS,
    });
    // Nobody follows up an erased person.
    return rows
      .filter((c) => !c.contact?.erasedAt)
      .map((c) => {
        const person = personOf(c);
        return {
          who: (person ? [person.firstName, person.lastName].filter(Boolean).join(' ') : '') || placeOf(c) || '?',
          followUpAt: c.followUpAt!,
          organiser: c.organiser?.displayName ?? '?',
        };
      });
  }

  title(count: number, m: Messages) {
    return m.t('digest.followUps.title', { count });
  }

  none(m: Messages) {
    return m.t('digest.followUps.none');
  }

  line(f: DueFollowUp, m: Messages) {
    return m.t('digest.followUps.item', { who: f.who, day: m.day(f.followUpAt), organiser: f.organiser });
  }
}

/** Registers the conversations' reminder provider: imported by ConversationsModule and by the worker. */
@Module({ imports: [RemindersModule], providers: [ConversationReminders] })
export class ConversationRemindersModule {}
