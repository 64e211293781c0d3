import { ConfigError, loadConfig } from '../config.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.seed).toBe('demo');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.workerInProcess).toBe(true);
    expect(config.reminders).toMatchObject({ publicUrl: 'http://localhost:3000', concurrency: 20, backoffMs: 30_000, digests: true, smtpUrl: undefined });
  });

  it('reads the reminder worker’s settings once, with the api’s', () => {
    const config = loadConfig({
      PORT: '8080',
      SMTP_URL: 'smtp://mail.example:587',
      MAIL_FROM: 'Rappels <rappels@example.org>',
      REMINDER_CONCURRENCY: '5',
      REMINDER_CLAIM_TIMEOUT_MS: '4000',
      REMINDER_BACKOFF_MS: '200',
      REMINDER_SWEEP_EVERY_MS: '1000',
      REMINDER_LOCK_MS: '3000',
      REMINDER_STALLED_INTERVAL_MS: '1000',
      REMINDER_DIGESTS: 'false',
    });
    expect(config.reminders).toEqual({
      smtpUrl: 'smtp://mail.example:587',
      mailFrom: 'Rappels <rappels@example.org>',
      publicUrl: 'http://localhost:8080',
      concurrency: 5,
      claimTimeoutMs: 4000,
      backoffMs: 200,
      sweepEveryMs: 1000,
      sweepHorizonMs: 3_600_000,
      lockDurationMs: 3000,
      stalledIntervalMs: 1000,
      digests: false,
    });
    expect(loadConfig({ PUBLIC_URL: 'https://rapport.example/' }).reminders.publicUrl).toBe('https://rapport.example');
    expect(config.operators).toEqual([]);
    expect(config.registration).toBe('open');
    expect(config.trustProxy).toEqual(['loopback']);
  });

  it('reads operators, registration and the trusted proxies', () => {
    const config = loadConfig({
      RAPPORT_OPERATORS: ' Ops@Example.org,admin@example.org ',
      RAPPORT_REGISTRATION: 'closed',
      TRUST_PROXY: '10.0.0.0/8, 192.168.1.4,loopback',
    });
    expect(config.operators).toEqual(['ops@example.org', 'admin@example.org']);
    expect(config.registration).toBe('closed');
    expect(config.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.4', 'loopback']);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'none' }).trustProxy).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number/],
    [{ PORT: '70000' }, /^PORT must be a whole number from 1 to 65535/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL is not a valid URL/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^DATABASE_URL must start with postgres:/],
    [{ REDIS_URL: 'http://localhost' }, /^REDIS_URL must start with redis:/],
    [{ RAPPORT_SEED: 'maybe' }, /^RAPPORT_SEED must be one of demo, none/],
    [{ RAPPORT_WORKER: 'perhaps' }, /^RAPPORT_WORKER must be true or false/],
    [{ REMINDER_CONCURRENCY: '0' }, /^REMINDER_CONCURRENCY must be a whole number from 1/],
    [{ REMINDER_BACKOFF_MS: 'soon' }, /^REMINDER_BACKOFF_MS must be a whole number/],
    [{ REMINDER_SWEEP_EVERY_MS: '100' }, /^REMINDER_SWEEP_EVERY_MS must be a whole number from 500/],
    [{ REMINDER_DIGESTS: 'sometimes' }, /^REMINDER_DIGESTS must be true or false/],
    [{ RAPPORT_OPERATORS: 'ops@example.org, not-an-email' }, /^RAPPORT_OPERATORS must be comma-separated email addresses \(got "not-an-email"\)/],
    [{ RAPPORT_REGISTRATION: 'invite' }, /^RAPPORT_REGISTRATION must be one of open, closed/],
    [{ TRUST_PROXY: 'true' }, /^TRUST_PROXY must be a hop count/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /^TRUST_PROXY must be a hop count/],
    [{ TRUST_PROXY: '99' }, /^TRUST_PROXY must be a hop count from 0 to 10/],
  ])('refuses %j with a one-line message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('gives accounts their options from the same validated variables', () => {
    const config = loadConfig({
      PORT: '4000',
      TOKEN_TTL_DAYS: '7',
      PUBLIC_URL: 'https://rapport.example.org',
      RAPPORT_REGISTRATION: 'closed',
      RAPPORT_OPERATORS: 'Ops@Example.org',
    });
    expect(config.auth).toEqual({
      operators: ['ops@example.org'],
      registration: 'closed',
      smtpUrl: undefined,
      mailFrom: 'Rapport <rapport@localhost>',
      publicUrl: 'https://rapport.example.org',
      localUrl: 'http://localhost:4000',
      tokenTtlDays: 7,
    });
    expect(() => loadConfig({ TOKEN_TTL_DAYS: 'forever' })).toThrow(/TOKEN_TTL_DAYS/);
    expect(loadConfig({}).logLevelSet).toBe(false);
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevelSet).toBe(true);
    expect(loadConfig({ RAPPORT_WEB_DIST: '/srv/web' }).webDist).toBe('/srv/web');
  });
});
