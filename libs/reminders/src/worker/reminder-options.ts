import { REMINDER_TIMING } from '@rapport/shared';

/** How the reminders worker runs: delivery settings and timings. */
export interface ReminderWorkerOptions {
  /** smtp(s)://user:pass@host:port — no email without it (reminders stay in-app). */
  smtpUrl?: string;
  /** The sender of every email. */
  mailFrom: string;
  /** Base of the links in emails (PUBLIC_URL, else http://localhost:PORT). */
  publicUrl: string;
  /** Jobs one worker process handles at once. */
  concurrency: number;
  /** A claim older than this is taken over (its worker is presumed dead). */
  claimTimeoutMs: number;
  /** First retry delay after a failed send; doubles at each attempt. */
  backoffMs: number;
  /** How often the sweeper runs (a BullMQ job scheduler) and the watchdog checks it exists. */
  sweepEveryMs: number;
  /** Reminders due within this horizon get their job checked by each sweep. */
  sweepHorizonMs: number;
  /** BullMQ lock of an active job; a dead worker's job is retaken after about this long. */
  lockDurationMs: number;
  /** How often BullMQ looks for stalled jobs (of dead workers). */
  stalledIntervalMs: number;
  /** Weekly digests for organisers (one job scheduler per organisation). */
  digests: boolean;
}

export const REMINDER_WORKER_OPTIONS = Symbol('REMINDER_WORKER_OPTIONS');

/**
 * The defaults, for tests and tools that start a worker by hand. The api and the worker
 * read the real values once, validated, from the environment: loadConfig().reminders
 * (libs/platform/src/config.ts: SMTP_URL, MAIL_FROM, PUBLIC_URL, REMINDER_*).
 */
export const DEFAULT_REMINDER_WORKER_OPTIONS: ReminderWorkerOptions = {
  smtpUrl: undefined,
  mailFrom: 'Rapport <rapport@localhost>',
  publicUrl: 'http://localhost:3000',
  concurrency: REMINDER_TIMING.concurrency,
  claimTimeoutMs: REMINDER_TIMING.claimTimeoutMs,
  backoffMs: REMINDER_TIMING.backoffMs,
  sweepEveryMs: REMINDER_TIMING.sweepEveryMs,
  sweepHorizonMs: REMINDER_TIMING.sweepHorizonMs,
  lockDurationMs: REMINDER_TIMING.lockDurationMs,
  stalledIntervalMs: REMINDER_TIMING.stalledIntervalMs,
  digests: true,
};
