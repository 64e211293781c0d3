// The api as the api benchmarks run it: in this process, on a throwaway PostgreSQL and
// Redis, migrated, listening on a free loopback port. Shared by api.bench.js and
// profile-api.js so both measure the same thing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startLocalPostgres, startLocalRedis } from '@rapport/local-services';
import { runMigrations } from '@rapport/platform';
import { createApi } from '../../apps/api/dist/main.js';

/** `{ url, gql(query, variables, token), pool, stop() }`; `pool` reaches the database directly. */
export async function startBenchApi({ prefix, poolSize = 10 }) {
  const dir = await mkdtemp(join(tmpdir(), `rapport-${prefix}-`));
  const [postgres, redis] = await Promise.all([
    startLocalPostgres({ dataDir: join(dir, 'pg'), throwaway: true }),
    startLocalRedis({ dataDir: join(dir, 'redis'), throwaway: true }),
  ]);
  const pool = new pg.Pool({ connectionString: postgres.url, max: poolSize });
  let app;
  const stop = async () => {
    await app?.close();
    await pool.end();
    await redis.stop();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await runMigrations(postgres.url);
    app = await createApi({ databaseUrl: postgres.url, redisUrl: redis.url, queuePrefix: prefix, logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${app.getHttpServer().address().port}/graphql`;
    const gql = async (query, variables, token) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    return { url, gql, pool, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
