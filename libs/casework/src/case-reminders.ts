import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RemindersModule, ReminderProviders, type Reminder, type ReminderProvider, type ReminderScheduler } from '@rapport/reminders';
import { CaseStatus, ReminderKind, type Messages } from '@rapport/shared';

// A case's next step keeps one CASE_NEXT_STEP reminder to its owner (or, without one,
// to the member who opened it) in step with it: rescheduled when the date or the owner
// changes, cancelled when the case closes or the person is erased.

type Row = Record<string, any>;
const isClosed = (status: string) => status === CaseStatus.RESOLVED || status === CaseStatus.UNRESOLVED;

export interface CaseForReminder {
  id: string;
  organizationId: string;
  status: CaseStatus;
  nextStepAt: Date | null;
  ownerId: string | null;
  openedById: string | null;
}

/**
 * Replaces the case's pending reminder by one for its next step, when it is open and
 * has one. In the caller's transaction; returns what to dequeue and enqueue after commit.
 */
export async function syncCaseReminder(
  em: EntityManager,
  scheduler: ReminderScheduler,
  c: CaseForReminder,
  now = new Date(),
): Promise<{ cancelled: string[]; scheduled: Reminder[] }> {
  const cancelled = await scheduler.cancel(em, c.organizationId, { caseId: c.id });
  const recipientUserId = c.ownerId ?? c.openedById;
  if (isClosed(c.status) || !c.nextStepAt || !recipientUserId) return { cancelled, scheduled: [] };
  const scheduled = await scheduler.schedule(
    em,
    [{ organizationId: c.organizationId, kind: ReminderKind.CASE_NEXT_STEP, remindAt: c.nextStepAt, recipientUserId, caseId: c.id }],
    now,
  );
  return { cancelled, scheduled };
}

interface CaseSubject {
  id: string;
  organizationId: string;
  contactId: string;
  name: string;
  phone: string | null;
  agency: string;
  status: CaseStatus;
  nextStepAt: Date | null;
  erased: boolean;
}

/** The CASE_NEXT_STEP reminders: what they say, to whom, and whether they still matter. */
@Injectable()
export class CaseReminders implements ReminderProvider<CaseSubject>, OnModuleInit {
  constructor(private readonly registry: ReminderProviders) {}

  onModuleInit() {
    this.registry.register([ReminderKind.CASE_NEXT_STEP], this);
  }

  subjectId(reminder: Reminder) {
    return reminder.caseId;
  }

  async load(ids: string[], em: EntityManager) {
    const rows: Row[] = await em.query(
      `SELECT k.id, k.organization_id, k.contact_id, k.agency, k.status, k.next_step_at, c.first_name, c.last_name, c.phone, c.erased_at
         FROM cases k JOIN contacts c ON c.id = k.contact_id WHERE k.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id as string,
        {
          id: r.id,
          organizationId: r.organization_id,
          contactId: r.contact_id,
          name: [r.first_name, r.last_name].filter(Boolean).join(' ') || '?',
          phone: r.phone ?? null,
          agency: r.agency,
          status: r.status,
          nextStepAt: r.next_step_at ? new Date(r.next_step_at) : null,
          erased: !!r.erased_at,
        } satisfies CaseSubject,
      ]),
    );
  }

  organizationOf(s: CaseSubject) {
    return s.organizationId;
  }

  whyNotRelevant(s: CaseSubject | null, reminder: Reminder) {
    if (!s) return 'the case no longer exists';
    if (s.erased) return 'the person was erased';
    if (isClosed(s.status)) return 'the case is closed';
    if (!s.nextStepAt || s.nextStepAt.getTime() !== reminder.remindAt.getTime()) return 'the next step moved';
    return null;
  }

  route(s: CaseSubject) {
    return `/contacts/${s.contactId}`;
  }

  headline(s: CaseSubject, reminder: Reminder, m: Messages) {
    return m.t('case.nextStep.headline', { name: s.name, agency: s.agency, when: m.when(reminder.remindAt) });
  }

  body(s: CaseSubject, reminder: Reminder, m: Messages) {
    return [
      m.t('case.nextStep.due', { name: s.name, agency: s.agency, when: m.when(reminder.remindAt) }),
      ...(s.phone ? [m.t('reminder.phone', { phone: s.phone })] : []),
      '',
      m.t('case.nextStep.then'),
    ];
  }
}

/** Registers the case reminders' provider: imported by CaseworkModule and by the worker. */
@Module({ imports: [RemindersModule], providers: [CaseReminders] })
export class CaseRemindersModule {}
