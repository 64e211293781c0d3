import { resolve } from 'node:path';

/** Everything Rapport reads from the environment, checked once at start-up. */
export interface RapportConfig {
  port: number;
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
  /** Prefix of Redis keys (queues, rate limits); api and workers of one deployment share it. */
  queuePrefix: string;
  /** Answer GraphQL introspection: off in production (NODE_ENV=production) unless GRAPHQL_INTROSPECTION=true. */
  graphqlIntrospection: boolean;
}

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
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RapportConfig {
  return {
    port: integer('PORT', env.PORT, 3000, 1, 65535),
    databaseUrl: url('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']),
    redisUrl: url('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:']),
    dataDir: resolve(env.RAPPORT_DATA_DIR || './.rapport'),
    seed: oneOf('RAPPORT_SEED', env.RAPPORT_SEED, ['demo', 'none'] as const, 'demo'),
    workerInProcess: bool('RAPPORT_WORKER', env.RAPPORT_WORKER, true),
    smtpUrl: url('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'Rapport <rapport@localhost>',
    publicUrl: url('PUBLIC_URL', env.PUBLIC_URL, ['http:', 'https:']),
    tokenTtlDays: integer('TOKEN_TTL_DAYS', env.TOKEN_TTL_DAYS, 30, 1, 3650),
    logLevel: oneOf('LOG_LEVEL', env.LOG_LEVEL, ['error', 'warn', 'log', 'debug'] as const, 'log'),
    queuePrefix: env.RAPPORT_QUEUE_PREFIX || 'rapport',
    graphqlIntrospection: bool('GRAPHQL_INTROSPECTION', env.GRAPHQL_INTROSPECTION, env.NODE_ENV !== 'production'),
  };
}

/** Nest's logger levels for LOG_LEVEL: each level includes the more serious ones. */
export function logLevels(level: RapportConfig['logLevel']): Array<'error' | 'warn' | 'log' | 'debug'> {
  const order = ['error', 'warn', 'log', 'debug'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}
