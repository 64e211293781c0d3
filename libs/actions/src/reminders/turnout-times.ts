import type { EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import { ReminderKind } from '@rapport/shared';
import { Organization } from '@rapport/auth';
import type { NewReminder } from '@rapport/reminders';
import type { Action } from '../entities/action.entity.js';

/** The day before the action at 18:00 in the organisation's time zone (DST handled by luxon). */
export function confirmTime(startsAt: Date, timeZone: string): Date {
  return DateTime.fromJSDate(startsAt, { zone: timeZone }).minus({ days: 1 }).set({ hour: 18, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/** The day after attendance was closed, at 09:00 in the organisation's time zone. */
export function noShowTime(closedAt: Date, timeZone: string): Date {
  return DateTime.fromJSDate(closedAt, { zone: timeZone }).plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/** ACTION_CONFIRM for the organiser, unless that moment has passed. */
export async function confirmReminders(em: EntityManager, action: Action, now: Date): Promise<NewReminder[]> {
  const organization = await em.findOneByOrFail(Organization, { id: action.organizationId });
  const remindAt = confirmTime(action.startsAt, organization.timezone);
  if (remindAt.getTime() <= now.getTime()) return [];
  return [{ organizationId: action.organizationId, kind: ReminderKind.ACTION_CONFIRM, remindAt, recipientUserId: action.organiserId, actionId: action.id }];
}
