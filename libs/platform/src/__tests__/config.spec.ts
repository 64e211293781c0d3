import { ConfigError, loadConfig } from '../config.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.seed).toBe('demo');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.workerInProcess).toBe(true);
    expect(config.operators).toEqual([]);
    expect(config.registration).toBe('open');
    expect(config.trustProxy).toEqual(['loopback']);
  });

  it('reads operators, registration and the trusted proxies', () => {
    const config = loadConfig({ RAPPORT_OPERATORS: ' Ops@Example.org,admin@example.org ', RAPPORT_REGISTRATION: 'closed', TRUST_PROXY: '10.0.0.0/8, 192.168.1.4,loopback' });
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
    [{ RAPPORT_OPERATORS: 'ops@example.org, not-an-email' }, /^RAPPORT_OPERATORS must be comma-separated email addresses \(got "not-an-email"\)/],
    [{ RAPPORT_REGISTRATION: 'invite' }, /^RAPPORT_REGISTRATION must be one of open, closed/],
    [{ TRUST_PROXY: 'true' }, /^TRUST_PROXY must be a hop count/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /^TRUST_PROXY must be a hop count/],
    [{ TRUST_PROXY: '99' }, /^TRUST_PROXY must be a hop count from 0 to 10/],
  ])('refuses %j with a one-line message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
