// `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded
// PostgreSQL in RAPPORT_DATA_DIR when DATABASE_URL is not set.
import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, loadConfig, runMigrations } from '@rapport/platform';
import { startLocalPostgres } from '@rapport/local-services';

try {
  const config = loadConfig();
  const local = config.databaseUrl ? undefined : await startLocalPostgres({ dataDir: join(config.dataDir, 'postgres') });
  const ran = await runMigrations(config.databaseUrl ?? local!.url);
  console.log(ran.length ? `applied: ${ran.join(', ')}` : 'nothing to apply: the schema is up to date');
  await local?.stop();
  process.exit(0);
} catch (error) {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : error);
  process.exit(1);
}
