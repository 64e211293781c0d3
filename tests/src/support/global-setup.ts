import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalPostgres, startLocalRedis } from '@rapport/local-services';

/**
 * One throwaway PostgreSQL and Redis for the whole run, on free ports; each test
 * file gets its own database (see test-app.ts), so files never share rows.
 */
export default async function globalSetup() {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-tests-'));
  const [postgres, redis] = await Promise.all([
    startLocalPostgres({ dataDir: join(dir, 'pg'), throwaway: true }),
    startLocalRedis({ dataDir: join(dir, 'redis'), throwaway: true }),
  ]);
  process.env.TEST_POSTGRES_URL = postgres.url; // database "rapport": the admin connection
  process.env.TEST_REDIS_URL = redis.url;
  process.env.TEST_TMP_DIR = dir;
  (globalThis as Record<string, unknown>).__rapportServices = { postgres, redis, dir };
}
