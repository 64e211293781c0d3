/** BullMQ queue names: one place, used by the api (producer) and the worker (consumer). */
export const QUEUES = {
  reminders: 'reminders',
  /** Daily housekeeping: the retention purge. */
  maintenance: 'maintenance',
} as const;

/** Job names within the reminders queue. */
export const REMINDER_JOBS = {
  send: 'send-reminder',
  sweep: 'sweep-reminders',
  digest: 'weekly-digest',
} as const;

/** Job names within the maintenance queue. */
export const MAINTENANCE_JOBS = {
  /** Daily: people not seen for their organisation's retention period lose their identity. */
  purgeStaleContacts: 'purge-stale-contacts',
} as const;

/** Attempts and backoff for a reminder before it is recorded FAILED. */
export const REMINDER_MAX_ATTEMPTS = 5;

/** Repeatable jobs of the reminders queue (BullMQ job scheduler ids). */
export const REMINDER_SCHEDULERS = {
  sweep: 'sweep-reminders',
  /** One per organisation: `digest-<organizationId>` (no colon: BullMQ reserves it). */
  digestPrefix: 'digest-',
} as const;

/** Reminder worker timings (defaults; REMINDER_* variables override them, see libs/platform/src/config.ts). */
export const REMINDER_TIMING = {
  /** A claim older than this is taken over: the worker that held it is presumed dead. */
  claimTimeoutMs: 5 * 60_000,
  /** First retry after a failed send; doubles each attempt (30 s, 1 min, 2 min, 4 min). */
  backoffMs: 30_000,
  /** The sweeper re-enqueues lost or due jobs this often (and once when a worker starts). */
  sweepEveryMs: 60_000,
  /** Reminders due within this horizon get their job checked by each sweep. */
  sweepHorizonMs: 60 * 60_000,
  /** Jobs processed at once by one worker process. */
  concurrency: 20,
  /** BullMQ lock of an active job; a dead worker's job is retaken after about this long. */
  lockDurationMs: 30_000,
  /** How often BullMQ looks for stalled jobs (of dead workers). */
  stalledIntervalMs: 30_000,
} as const;

/** The weekly digest: Monday 8:00 in each organisation's timezone (cron pattern). */
export const DIGEST_CRON = '0 8 * * 1';

export const SUPPORTED_LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
export const DEFAULT_TIMEZONE = 'Europe/Paris';

/** Limits on input, checked before anything is written. */
export const LIMITS = {
  name: 200,
  text: 10_000,
  /** Search words and filter strings: a name, a phone or an email is far shorter. */
  search: 200,
  /** A pagination cursor handed out by the api. */
  cursor: 1_000,
  password: { min: 12, max: 200 },
} as const;

/** The retention purge runs daily at this time (UTC). */
export const RETENTION_CRON = '0 3 * * *';
