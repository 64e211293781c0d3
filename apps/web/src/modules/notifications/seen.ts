import { useSyncExternalStore } from 'react';
import { ReminderStatus } from '@rapport/shared';

// Reminders have no read state on the API: "new" means sent after the member last
// opened the notifications page on this device.

const SEEN_KEY = 'rapport.notifications.seenAt';
const listeners = new Set<() => void>();

function read(): string {
  try {
    return localStorage.getItem(SEEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function markNotificationsSeen(at = new Date()): void {
  try {
    localStorage.setItem(SEEN_KEY, at.toISOString());
  } catch {
    // private mode: the badge resets next visit
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSeenAt(): string {
  return useSyncExternalStore(subscribe, read, () => '');
}

interface ReminderLike {
  status: ReminderStatus;
  remindAt: string;
  sentAt?: string | null;
}

export function unreadCount(reminders: readonly ReminderLike[], seenAt: string): number {
  const seen = seenAt ? Date.parse(seenAt) : 0;
  return reminders.filter((r) => r.status === ReminderStatus.SENT && Date.parse(r.sentAt ?? r.remindAt) > seen).length;
}
