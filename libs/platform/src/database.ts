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
  const dataSource = createDataSource(rapportDataSourceConfig(url, { poolSize: 2 }));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

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
