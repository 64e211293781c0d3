import { ConfigError, loadConfig } from '../config.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.seed).toBe('demo');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.workerInProcess).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number/],
    [{ PORT: '70000' }, /^PORT must be a whole number from 1 to 65535/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL is not a valid URL/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^DATABASE_URL must start with postgres:/],
    [{ REDIS_URL: 'http://localhost' }, /^REDIS_URL must start with redis:/],
    [{ RAPPORT_SEED: 'maybe' }, /^RAPPORT_SEED must be one of demo, none/],
    [{ RAPPORT_WORKER: 'perhaps' }, /^RAPPORT_WORKER must be true or false/],
  ])('refuses %j with a one-line message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
