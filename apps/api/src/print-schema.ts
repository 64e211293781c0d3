// `npm run schema`: regenerates apps/api/schema.graphql from the resolvers, booting
// the api once against a throwaway embedded PostgreSQL (no server needed).
import 'reflect-metadata';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalPostgres } from '@rapport/local-services';
import { createApi } from './main.js';
import { renderSchema } from './graphql/render-schema.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '../schema.graphql');
const dir = await mkdtemp(join(tmpdir(), 'rapport-schema-'));
const pg = await startLocalPostgres({ dataDir: join(dir, 'pg'), throwaway: true });
try {
  const app = await createApi({ databaseUrl: pg.url, redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:1', logger: false });
  await app.init();
  await writeFile(target, renderSchema(app));
  await app.close();
  console.log(`wrote ${target}`);
} finally {
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
