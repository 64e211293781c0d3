import { createDataSource, schemaDrift, type DataSourceConfig } from '@rapport/db';
import { MIGRATIONS } from '@rapport/migrations';
import { ALL_ENTITIES } from './entities.js';

export const rapportDataSourceConfig = (url: string, extra: Partial<DataSourceConfig> = {}): DataSourceConfig => ({
  url,
  entities: ALL_ENTITIES,
  migrations: MIGRATIONS,
  ...extra,
});

/** Applies pending migrations; returns the names of those it ran. */
export async function runMigrations(url: string): Promise<string[]> {
  // A migration may rewrite a large table: no statement timeout here.
  const dataSource = createDataSource(rapportDataSourceConfig(url, { poolSize: 2, statementTimeoutMs: 0 }));
  await dataSource.initialize();
  // Several api replicas may start at once: one migrates, the others wait, then find nothing to do.
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}

/** Any constant shared by every replica: the key of the migrations' advisory lock. */
const MIGRATION_LOCK = 7_262_770;

/** The SQL a new migration would need for the entities as they are now (empty: no drift). */
export async function pendingSchemaChanges(url: string): Promise<string[]> {
  const dataSource = createDataSource(rapportDataSourceConfig(url, { poolSize: 2 }));
  await dataSource.initialize();
  try {
    return await schemaDrift(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
