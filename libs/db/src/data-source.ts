import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entities = MixedList<Function | string | EntitySchema>;

export interface DataSourceConfig {
  url: string;
  entities: Entities;
  migrations: Entities;
  /** Log every SQL statement through `logger` (tests count statements with it). */
  logger?: DataSourceOptions['logger'];
  poolSize?: number;
}

/** One definition of how Rapport talks to PostgreSQL: never `synchronize`, always migrations. */
export function dataSourceOptions(config: DataSourceConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    entities: config.entities,
    migrations: config.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; extensions come from migrations, not from connecting.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logger: config.logger,
    logging: config.logger ? ['query', 'error'] : ['error'],
    extra: { max: config.poolSize ?? 20, application_name: 'rapport' },
  } as DataSourceOptions;
}

export function createDataSource(config: DataSourceConfig): DataSource {
  return new DataSource(dataSourceOptions(config));
}

/**
 * What `migration:generate` would write if run now: the SQL that the entities
 * need and the migrations do not give. Empty means entities and migrations agree.
 */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
