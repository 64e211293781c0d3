import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { And, In, IsNull, LessThan, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { ParticipationStatus, ReminderKind, messagesFor, type Messages } from '@rapport/shared';
import {
  RemindersModule,
  ReminderProviders,
  type DigestSection,
  type OtherEmail,
  type Reminder,
  type ReminderContext,
  type ReminderProvider,
} from '@rapport/reminders';
import type { Contact } from '@rapport/contacts';
import { Action } from '../entities/action.entity.js';
import { ActionParticipant } from '../entities/action-participant.entity.js';

const WEEK_MS = 7 * 24 * 3600 * 1000;
const MAX_DIGEST_ITEMS = 50;

export interface ActionPerson {
  id: string;
  name: string;
  firstName: string;
  email: string | null;
  phone: string | null;
  consent: boolean;
}

/** An action with the people committed to come (not erased), in name order. */
export interface ActionSubject {
  action: Action;
  committed: ActionPerson[];
}

export interface WeekAction {
  title: string;
  startsAt: Date;
  location: string | null;
  committed: number;
  campaign: string | null;
}

const person = (c: Contact): ActionPerson => ({
  id: c.id,
  firstName: c.firstName ?? '',
  name: [c.firstName, c.lastName].filter(Boolean).join(' ') || '?',
  email: c.email ?? null,
  phone: c.phone ?? null,
  consent: c.consentGivenAt != null,
});

/** Who gets an email for an action, and who must be called (no email, or no consent to be emailed). */
export function splitParticipants(committed: ActionPerson[]): { emailed: ActionPerson[]; toCall: ActionPerson[] } {
  return { emailed: committed.filter((p) => p.email && p.consent), toCall: committed.filter((p) => !(p.email && p.consent)) };
}

/**
 * The ACTION_UPCOMING reminders: the organiser gets the call list, each committed
 * participant who consented gets an email; and the digest's "this week's actions".
 */
@Injectable()
export class ActionReminders implements ReminderProvider<ActionSubject>, DigestSection<WeekAction>, OnModuleInit {
  readonly order = 2;

  constructor(private readonly registry: ReminderProviders) {}

  onModuleInit() {
    this.registry.register([ReminderKind.ACTION_UPCOMING], this);
    this.registry.registerDigestSection(this);
  }

  subjectId(reminder: Reminder) {
    return reminder.actionId;
  }

  async load(ids: string[], em: EntityManager) {
    const [actions, participants] = await Promise.all([
      em.getRepository(Action).find({ where: { id: In(ids) }, relations: { campaign: true } }),
      em.getRepository(ActionParticipant).find({
        where: { actionId: In(ids), status: ParticipationStatus.COMMITTED, contact: { erasedAt: IsNull() } },
        relations: { contact: true },
        order: { contact: { sortKey: 'ASC', id: 'ASC' } },
      }),
    ]);
    return new Map(
      actions.map((action) => [
        action.id,
        {
          action,
          committed: participants
            .filter((p) => p.actionId === action.id && p.contact && p.contact.organizationId === p.organizationId)
            .map((p) => person(p.contact!)),
        },
      ]),
    );
  }

  organizationOf(s: ActionSubject) {
    return s.action.organizationId;
  }

  /** Without a member named on the row, the action's organiser is reminded. */
  recipientOf(s: ActionSubject) {
    return s.action.organiserId;
  }

  whyNotRelevant(s: ActionSubject | null, _reminder: Reminder, now: Date) {
    if (!s) return 'the action no longer exists';
    if (s.action.cancelledAt) return 'the action was cancelled';
    return s.action.startsAt.getTime() < now.getTime() ? 'the action has already started' : null;
  }

  route(s: ActionSubject) {
    return `/campaigns/${s.action.campaignId}`;
  }

  headline(s: ActionSubject, _reminder: Reminder, m: Messages) {
    return m.t('action.headline', { title: s.action.title, when: m.when(s.action.startsAt) });
  }

  /** The organiser's email: the action, how many come, and whom to call. */
  body({ action, committed }: ActionSubject, _reminder: Reminder, m: Messages) {
    const { emailed, toCall } = splitParticipants(committed);
    const lines = [
      m.t('action.title', { title: action.title }),
      m.t('action.when', { when: m.when(action.startsAt) }),
      ...(action.location ? [m.t('action.where', { location: action.location })] : []),
      ...(action.campaign ? [m.t('reminder.campaign', { name: action.campaign.name })] : []),
      '',
      m.t('action.counts', { committed: committed.length, emailed: emailed.length }),
    ];
    if (toCall.length > 0) {
      lines.push('', m.t('action.toCall'));
      for (const p of toCall) lines.push(m.t('action.callLine', { name: p.name, phone: p.phone ?? m.t('action.noPhone') }));
    } else {
      lines.push(m.t('action.nobodyToCall'));
    }
    return lines;
  }

  /** Each committed participant who gave an email and consent, in the organisation's language. */
  otherEmails({ action, committed }: ActionSubject, { organization }: ReminderContext): OtherEmail[] {
    const m = messagesFor(organization.locale, organization.timezone);
    const when = m.when(action.startsAt);
    return splitParticipants(committed).emailed.map((p) => ({
      key: `contact:${p.id}`,
      to: p.email!,
      subject: m.t('action.participant.subject', { title: action.title, when }),
      text: [
        m.t('reminder.hello', { name: p.firstName }),
        '',
        m.t('action.participant.coming', { title: action.title }),
        m.t('action.when', { when }),
        ...(action.location ? [m.t('action.where', { location: action.location })] : []),
        '',
        m.t('action.participant.cheer'),
        organization.name,
      ].join('\n'),
      headers: { 'X-Rapport-Contact': p.id },
    }));
  }

  // The digest: the actions of the coming week and how many are committed.

  async items(organizationId: string, now: Date, em: EntityManager): Promise<WeekAction[]> {
    const actions = await em.getRepository(Action).find({
      where: { organizationId, startsAt: And(MoreThanOrEqual(now), LessThan(new Date(now.getTime() + WEEK_MS))) },
      relations: { campaign: true },
      order: { startsAt: 'ASC', id: 'ASC' },
      take: MAX_DIGEST_ITEMS,
    });
    const committed = actions.length
      ? await em.getRepository(ActionParticipant).find({
          where: { actionId: In(actions.map((a) => a.id)), status: ParticipationStatus.COMMITTED },
          select: { actionId: true },
        })
      : [];
    return actions.map((a) => ({
      title: a.title,
      startsAt: a.startsAt,
      location: a.location,
      committed: committed.filter((p) => p.actionId === a.id).length,
      campaign: a.campaign?.name ?? null,
    }));
  }

  title(count: number, m: Messages) {
    return m.t('digest.actions.title', { count });
  }

  none(m: Messages) {
    return m.t('digest.actions.none');
  }

  line(a: WeekAction, m: Messages) {
    return m.t('digest.actions.item', {
      title: a.title,
      when: m.when(a.startsAt),
      location: a.location ? m.t('digest.actions.location', { location: a.location }) : '',
      committed: a.committed,
      campaign: a.campaign ? m.t('digest.actions.campaign', { campaign: a.campaign }) : '',
    });
  }
}

/** An action with its committed people and, after closeAttendance, its no-shows. */
export interface TurnoutSubject extends ActionSubject {
  noShows: ActionPerson[];
}

/**
 * ACTION_CONFIRM (the day before at 18:00): committed people with an email and consent
 * are asked to confirm, the organiser gets the others to call. ACTION_NO_SHOW (the day
 * after closeAttendance): the organiser gets the no-shows to call back.
 */
@Injectable()
export class TurnoutReminders implements ReminderProvider<TurnoutSubject>, OnModuleInit {
  constructor(private readonly registry: ReminderProviders) {}

  onModuleInit() {
    this.registry.register([ReminderKind.ACTION_CONFIRM, ReminderKind.ACTION_NO_SHOW], this);
  }

  subjectId(reminder: Reminder) {
    return reminder.actionId;
  }

  async load(ids: string[], em: EntityManager) {
    const [actions, participants] = await Promise.all([
      em.getRepository(Action).find({ where: { id: In(ids) }, relations: { campaign: true } }),
      em.getRepository(ActionParticipant).find({
        where: { actionId: In(ids), status: In([ParticipationStatus.COMMITTED, ParticipationStatus.NO_SHOW]), contact: { erasedAt: IsNull() } },
        relations: { contact: true },
        order: { contact: { sortKey: 'ASC', id: 'ASC' } },
      }),
    ]);
    const of = (action: Action, status: ParticipationStatus) =>
      participants
        .filter((p) => p.actionId === action.id && p.status === status && p.contact && p.contact.organizationId === p.organizationId)
        .map((p) => person(p.contact!));
    return new Map(
      actions.map((action) => [action.id, { action, committed: of(action, ParticipationStatus.COMMITTED), noShows: of(action, ParticipationStatus.NO_SHOW) }]),
    );
  }

  organizationOf(s: TurnoutSubject) {
    return s.action.organizationId;
  }

  recipientOf(s: TurnoutSubject) {
    return s.action.organiserId;
  }

  whyNotRelevant(s: TurnoutSubject | null, reminder: Reminder, now: Date) {
    if (!s) return 'the action no longer exists';
    if (s.action.cancelledAt) return 'the action was cancelled';
    if (reminder.kind === ReminderKind.ACTION_CONFIRM && s.action.startsAt.getTime() < now.getTime()) return 'the action has already started';
    return null;
  }

  route(s: TurnoutSubject) {
    return `/actions/${s.action.id}`;
  }

  headline(s: TurnoutSubject, reminder: Reminder, m: Messages) {
    return reminder.kind === ReminderKind.ACTION_NO_SHOW
      ? m.t('actionNoShow.headline', { title: s.action.title })
      : m.t('actionConfirm.headline', { title: s.action.title, when: m.when(s.action.startsAt) });
  }

  body({ action, committed, noShows }: TurnoutSubject, reminder: Reminder, m: Messages) {
    const lines = [m.t('action.title', { title: action.title }), m.t('action.when', { when: m.when(action.startsAt) })];
    if (action.campaign) lines.push(m.t('reminder.campaign', { name: action.campaign.name }));
    lines.push('');
    if (reminder.kind === ReminderKind.ACTION_NO_SHOW) {
      if (noShows.length === 0) lines.push(m.t('actionNoShow.none'));
      else lines.push(m.t('actionNoShow.intro', { count: noShows.length }));
      for (const p of noShows) lines.push(m.t('action.callLine', { name: p.name, phone: p.phone ?? m.t('action.noPhone') }));
      return lines;
    }
    const { emailed, toCall } = splitParticipants(committed);
    lines.push(m.t('actionConfirm.counts', { committed: committed.length, emailed: emailed.length }));
    if (toCall.length > 0) {
      lines.push('', m.t('actionConfirm.toCall'));
      for (const p of toCall) lines.push(m.t('action.callLine', { name: p.name, phone: p.phone ?? m.t('action.noPhone') }));
    } else {
      lines.push(m.t('action.nobodyToCall'));
    }
    return lines;
  }

  /** ACTION_CONFIRM only: each committed person with an email and consent is asked to confirm. */
  otherEmails({ action, committed }: TurnoutSubject, { organization, reminder }: ReminderContext): OtherEmail[] {
    if (reminder.kind !== ReminderKind.ACTION_CONFIRM) return [];
    const m = messagesFor(organization.locale, organization.timezone);
    const when = m.when(action.startsAt);
    return splitParticipants(committed).emailed.map((p) => ({
      key: `contact:${p.id}`,
      to: p.email!,
      subject: m.t('actionConfirm.participant.subject', { title: action.title, when }),
      text: [
        m.t('reminder.hello', { name: p.firstName }),
        '',
        m.t('actionConfirm.participant.ask', { title: action.title }),
        m.t('action.when', { when }),
        ...(action.location ? [m.t('action.where', { location: action.location })] : []),
        '',
        organization.name,
      ].join('\n'),
      headers: { 'X-Rapport-Contact': p.id },
    }));
  }
}

/** Registers the actions' reminder providers: imported by ActionsModule and by the worker. */
@Module({ imports: [RemindersModule], providers: [ActionReminders, TurnoutReminders] })
export class ActionRemindersModule {}
