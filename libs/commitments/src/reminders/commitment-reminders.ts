import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { In, LessThan, type EntityManager } from 'typeorm';
import { CommitmentStatus, ReminderKind, type Messages } from '@rapport/shared';
import { RemindersModule, ReminderProviders, type DigestSection, type Reminder, type ReminderProvider } from '@rapport/reminders';
import type { Contact } from '@rapport/contacts';
import type { DecisionMaker } from '@rapport/decision-makers';
import { Commitment } from '../entities/commitment.entity.js';

const MAX_DIGEST_ITEMS = 50;

const fullName = (c: Pick<Contact, 'firstName' | 'lastName'>) => [c.firstName, c.lastName].filter(Boolean).join(' ');
const contactName = (c: Contact | null | undefined) => (c ? fullName(c) || '?' : undefined);
function decisionMakerName(dm: DecisionMaker): string {
  const role = [dm.title, dm.institution].filter(Boolean).join(', ');
  return role ? `${dm.name} (${role})` : dm.name;
}

export interface OverdueCommitment {
  description: string;
  who: string;
  dueAt: Date;
  campaign: string | null;
}

/**
 * The reminders of commitments (COMMITMENT_DUE for a contact's, DECISION_MAKER_DEADLINE
 * for a decision-maker's), read with the commitments' own entities, and the digest's
 * "overdue commitments" section.
 */
@Injectable()
export class CommitmentReminders implements ReminderProvider<Commitment>, DigestSection<OverdueCommitment>, OnModuleInit {
  readonly order = 1;

  constructor(private readonly registry: ReminderProviders) {}

  onModuleInit() {
    this.registry.register([ReminderKind.COMMITMENT_DUE, ReminderKind.DECISION_MAKER_DEADLINE], this);
    this.registry.registerDigestSection(this);
  }

  subjectId(reminder: Reminder) {
    return reminder.commitmentId;
  }

  async load(ids: string[], em: EntityManager) {
    const rows = await em.getRepository(Commitment).find({ where: { id: In(ids) }, relations: { campaign: true, contact: true, decisionMaker: true } });
    return new Map(rows.map((c) => [c.id, c]));
  }

  organizationOf(c: Commitment) {
    return c.organizationId;
  }

  whyNotRelevant(c: Commitment | null) {
    if (!c) return 'the commitment no longer exists';
    return c.status === CommitmentStatus.OPEN ? null : `the commitment is ${c.status}`;
  }

  /** The person's page, else the campaign's dashboard, else the negotiation's brief, else the member's reminders. */
  route(c: Commitment) {
    if (c.contactId) return `/contacts/${c.contactId}`;
    if (c.campaignId) return `/campaigns/${c.campaignId}`;
    if (c.negotiationId) return `/negotiations/${c.negotiationId}/brief`;
    return '/notifications';
  }

  headline(c: Commitment, reminder: Reminder, m: Messages) {
    const params = { description: m.quote(c.description), when: m.when(c.dueAt) };
    if (reminder.kind === ReminderKind.COMMITMENT_DUE) {
      return m.t('commitment.due.headline', { who: contactName(c.contact) ?? c.decisionMaker?.name ?? '?', ...params });
    }
    return m.t('commitment.deadline.headline', { who: c.decisionMaker?.name ?? contactName(c.contact) ?? '?', ...params });
  }

  body(c: Commitment, reminder: Reminder, m: Messages) {
    const description = m.quote(c.description);
    const campaign = c.campaign ? [m.t('reminder.campaign', { name: c.campaign.name })] : [];
    if (reminder.kind === ReminderKind.COMMITMENT_DUE) {
      const who = contactName(c.contact) ?? (c.decisionMaker ? decisionMakerName(c.decisionMaker) : '?');
      return [
        m.t('commitment.due.committed', { who, description }),
        m.t('commitment.due.dueAt', { when: m.when(c.dueAt) }),
        ...campaign,
        ...(c.contact?.phone ? [m.t('reminder.phone', { phone: c.contact.phone })] : []),
        '',
        m.t('commitment.due.nudge'),
      ];
    }
    const who = c.decisionMaker ? decisionMakerName(c.decisionMaker) : (contactName(c.contact) ?? '?');
    return [
      m.t('commitment.deadline.promised', { who, description }),
      m.t('commitment.deadline.by', { when: m.when(c.dueAt) }),
      ...campaign,
      '',
      m.t('commitment.deadline.next'),
    ];
  }

  // The digest: OPEN commitments past their date.

  async items(organizationId: string, now: Date, em: EntityManager): Promise<OverdueCommitment[]> {
    const rows = await em.getRepository(Commitment).find({
      where: { organizationId, status: CommitmentStatus.OPEN, dueAt: LessThan(now) },
      relations: { campaign: true, contact: true, decisionMaker: true },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: MAX_DIGEST_ITEMS,
    });
    return rows.map((c) => ({
      description: c.description,
      who: (c.contact ? fullName(c.contact) : '') || c.decisionMaker?.name || '?',
      dueAt: c.dueAt,
      campaign: c.campaign?.name ?? null,
    }));
  }

  title(count: number, m: Messages) {
    return m.t('digest.overdue.title', { count });
  }

  none(m: Messages) {
    return m.t('digest.overdue.none');
  }

  line(o: OverdueCommitment, m: Messages) {
    const campaign = o.campaign ? m.t('digest.overdue.campaign', { campaign: o.campaign }) : '';
    return m.t('digest.overdue.item', { who: o.who, description: m.quote(o.description), day: m.day(o.dueAt), campaign });
  }
}

/** Registers the commitments' reminder provider: imported by CommitmentsModule and by the worker. */
@Module({ imports: [RemindersModule], providers: [CommitmentReminders] })
export class CommitmentRemindersModule {}
