import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { REMINDER_TIMING } from '@rapport/shared';
import type { ReminderWorkerOptions } from '@rapport/reminders';
import type { AuthOptions } from '@rapport/auth';

/** Everything Rapport reads from the environment, checked once at start-up. */
export interface RapportConfig {
  port: number;
  /** Listen address. */
  host: string;
  databaseUrl?: string;
  redisUrl?: string;
  dataDir: string;
  seed: 'demo' | 'none';
  workerInProcess: boolean;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl?: string;
  tokenTtlDays: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** LOG_LEVEL was set: `npm start` is quiet (warnings and its own lines) unless it is. */
  logLevelSet: boolean;
  /** RAPPORT_WEB_DIST: the built web app the api serves (default: apps/web/dist beside the api). */
  webDist?: string;
  /** What accounts read (operators, registration, mail, links, TOKEN_TTL_DAYS), for AuthOptionsModule. */
  auth: AuthOptions;
  /** Prefix of Redis keys (queues, rate limits); api and workers of one deployment share it. */
  queuePrefix: string;
  /** The reminder worker: SMTP_URL, MAIL_FROM, PUBLIC_URL again, and the REMINDER_* timings. */
  reminders: ReminderWorkerOptions;
  /** RAPPORT_OPERATORS: the instance operators (lower-case emails); only they reach /admin/queues. */
  operators: string[];
  /** RAPPORT_REGISTRATION: whether anyone may register an organisation (closed: `npm run org:create`). */
  registration: 'open' | 'closed';
  /** TRUST_PROXY: Express's `trust proxy` — which peers may set X-Forwarded-For. */
  trustProxy: TrustProxy;
  /** Answer GraphQL introspection: off in production (NODE_ENV=production) unless GRAPHQL_INTROSPECTION=true. */
  graphqlIntrospection: boolean;
}

/** A hop count, or addresses/subnets (and Express's names loopback, linklocal, uniquelocal), or nobody. */
export type TrustProxy = number | string[] | false;

export class ConfigError extends Error {}

function url(name: string, value: string | undefined, protocols: string[]): string | undefined {
  if (!value) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL (expected ${protocols[0]}//user:password@host:port/…)`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${name} must start with ${protocols.join(' or ')}// (got ${parsed.protocol}//)`);
  return value;
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return Number(value);
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if (!allowed.includes(value as T)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

function bool(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false (got "${value}")`);
}

/** A duration or a count with no upper limit worth stating (a year of milliseconds). */
const MAX_MS = 365 * 24 * 3600 * 1000;
const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
function emails(name: string, value: string | undefined): string[] {
  if (!value || !value.trim()) return [];
  return value.split(',').map((part) => {
    const email = part.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) throw new ConfigError(`${name} must be comma-separated email addresses (got "${part.trim()}")`);
    return email;
  });
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
/**
 * TRUST_PROXY: unset means loopback only (a proxy on the same machine); "false"/"none"
 * trusts nobody; a number trusts that many hops; otherwise comma-separated addresses
 * or CIDR subnets. Never "true": believing every X-Forwarded-For lets anyone pick
 * their address and walk around the sign-in limits.
 */
function trustProxy(name: string, value: string | undefined): TrustProxy {
  if (value === undefined || value.trim() === '') return ['loopback'];
  const raw = value.trim();
  if (['false', 'none', '0'].includes(raw)) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError(`${name} must be a hop count from 0 to 10, or comma-separated addresses (got "${raw}")`);
    return hops;
  }
  return raw.split(',').map((part) => {
    const entry = part.trim();
    const [address, bits, ...rest] = entry.split('/');
    const version = isIP(address);
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
    if (!PROXY_NAMES.includes(entry) && (!version || !bitsOk || rest.length)) {
      throw new ConfigError(`${name} must be a hop count, "none", or comma-separated addresses or subnets such as 10.0.0.0/8 (got "${entry}")`);
    }
    return entry;
  });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RapportConfig {
  const port = integer('PORT', env.PORT, 3000, 1, 65535);
  const smtpUrl = url('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']);
  const mailFrom = env.MAIL_FROM || 'Rapport <rapport@localhost>';
  const publicUrl = url('PUBLIC_URL', env.PUBLIC_URL, ['http:', 'https:']);
  const tokenTtlDays = integer('TOKEN_TTL_DAYS', env.TOKEN_TTL_DAYS, 30, 1, 3650);
  const operators = emails('RAPPORT_OPERATORS', env.RAPPORT_OPERATORS);
  const registration = oneOf('RAPPORT_REGISTRATION', env.RAPPORT_REGISTRATION, ['open', 'closed'] as const, 'open');
  return {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: url('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']),
    redisUrl: url('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:']),
    dataDir: resolve(env.RAPPORT_DATA_DIR || './.rapport'),
    seed: oneOf('RAPPORT_SEED', env.RAPPORT_SEED, ['demo', 'none'] as const, 'demo'),
    workerInProcess: bool('RAPPORT_WORKER', env.RAPPORT_WORKER, true),
    smtpUrl,
    mailFrom,
    publicUrl,
    tokenTtlDays,
    logLevel: oneOf('LOG_LEVEL', env.LOG_LEVEL, ['error', 'warn', 'log', 'debug'] as const, 'log'),
    logLevelSet: Boolean(env.LOG_LEVEL),
    webDist: env.RAPPORT_WEB_DIST || undefined,
    auth: { operators, registration, smtpUrl, mailFrom, publicUrl, localUrl: `http://localhost:${port}`, tokenTtlDays },
    queuePrefix: env.RAPPORT_QUEUE_PREFIX || 'rapport',
    reminders: {
      smtpUrl,
      mailFrom,
      // Links in emails: the public address, else this machine's.
      publicUrl: (publicUrl || `http://localhost:${port}`).replace(/\/+$/, ''),
      concurrency: integer('REMINDER_CONCURRENCY', env.REMINDER_CONCURRENCY, REMINDER_TIMING.concurrency, 1, 1000),
      claimTimeoutMs: integer('REMINDER_CLAIM_TIMEOUT_MS', env.REMINDER_CLAIM_TIMEOUT_MS, REMINDER_TIMING.claimTimeoutMs, 1000, MAX_MS),
      backoffMs: integer('REMINDER_BACKOFF_MS', env.REMINDER_BACKOFF_MS, REMINDER_TIMING.backoffMs, 10, MAX_MS),
      sweepEveryMs: integer('REMINDER_SWEEP_EVERY_MS', env.REMINDER_SWEEP_EVERY_MS, REMINDER_TIMING.sweepEveryMs, 500, MAX_MS),
      sweepHorizonMs: integer('REMINDER_SWEEP_HORIZON_MS', env.REMINDER_SWEEP_HORIZON_MS, REMINDER_TIMING.sweepHorizonMs, 1000, MAX_MS),
      lockDurationMs: integer('REMINDER_LOCK_MS', env.REMINDER_LOCK_MS, REMINDER_TIMING.lockDurationMs, 1000, MAX_MS),
      stalledIntervalMs: integer('REMINDER_STALLED_INTERVAL_MS', env.REMINDER_STALLED_INTERVAL_MS, REMINDER_TIMING.stalledIntervalMs, 500, MAX_MS),
      digests: bool('REMINDER_DIGESTS', env.REMINDER_DIGESTS, true),
    },
    operators,
    registration,
    trustProxy: trustProxy('TRUST_PROXY', env.TRUST_PROXY),
    graphqlIntrospection: bool('GRAPHQL_INTROSPECTION', env.GRAPHQL_INTROSPECTION, env.NODE_ENV !== 'production'),
  };
}

/** Nest's logger levels for LOG_LEVEL: each level includes the more serious ones. */
export function logLevels(level: RapportConfig['logLevel']): Array<'error' | 'warn' | 'log' | 'debug'> {
  const order = ['error', 'warn', 'log', 'debug'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}
