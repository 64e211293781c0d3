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

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`${name} must be a whole number of at least ${min} (got "${raw}")`);
  return Number(raw);
}

/**
 * The options from the environment: SMTP_URL, MAIL_FROM, PUBLIC_URL, PORT as the
 * api reads them (see loadConfig), plus REMINDER_* overrides for timings.
 */
export function reminderWorkerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ReminderWorkerOptions {
  const port = env.PORT && /^\d+$/.test(env.PORT) ? env.PORT : '3000';
  return {
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Rapport <rapport@localhost>',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    concurrency: int(env, 'REMINDER_CONCURRENCY', REMINDER_TIMING.concurrency),
    claimTimeoutMs: int(env, 'REMINDER_CLAIM_TIMEOUT_MS', REMINDER_TIMING.claimTimeoutMs, 1000),
    backoffMs: int(env, 'REMINDER_BACKOFF_MS', REMINDER_TIMING.backoffMs, 10),
    sweepEveryMs: int(env, 'REMINDER_SWEEP_EVERY_MS', REMINDER_TIMING.sweepEveryMs, 500),
    sweepHorizonMs: int(env, 'REMINDER_SWEEP_HORIZON_MS', REMINDER_TIMING.sweepHorizonMs, 1000),
    lockDurationMs: int(env, 'REMINDER_LOCK_MS', 30_000, 1000),
    stalledIntervalMs: int(env, 'REMINDER_STALLED_INTERVAL_MS', 30_000, 500),
    digests: !['false', '0', 'no'].includes(env.REMINDER_DIGESTS ?? ''),
  };
}
