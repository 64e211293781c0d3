/** BullMQ queue names: one place, used by the api (producer) and the worker (consumer). */
export const QUEUES = {
  reminders: 'reminders',
} as const;

/** Job names within the reminders queue. */
export const REMINDER_JOBS = {
  send: 'send-reminder',
  sweep: 'sweep-reminders',
  digest: 'weekly-digest',
} as const;

/** Attempts and backoff for a reminder before it is recorded FAILED. */
export const REMINDER_MAX_ATTEMPTS = 5;

export const SUPPORTED_LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
export const DEFAULT_TIMEZONE = 'Europe/Paris';

/** Limits on input, checked before anything is written. */
export const LIMITS = {
  name: 200,
  text: 10_000,
  password: { min: 12, max: 200 },
} as const;
