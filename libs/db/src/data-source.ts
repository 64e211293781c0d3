import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { SafeSqlLogger } from './safe-sql-logger.js';
import { useFastDates } from './pg-dates.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entities = MixedList<Function | string | EntitySchema>;

export interface DataSourceConfig {
  url: string;
  entities: Entities;
  migrations: Entities;
  /** Log every SQL statement through `logger` (tests count statements with it). */
  logger?: DataSourceOptions['logger'];
  poolSize?: number;
  /** PostgreSQL's statement_timeout in ms (default 10 s, like a request); 0 for none (migrations). */
  statementTimeoutMs?: number;
}

/** No statement runs longer than a request may (10 s): a slow query is cancelled, not left to pile up. */
export const STATEMENT_TIMEOUT_MS = 10_000;
/** A transaction left open and idle (a crashed handler) releases its locks after this. */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;
/** How long a request waits for a free connection before failing, rather than queueing forever. */
export const CONNECTION_TIMEOUT_MS = 5_000;

/** One definition of how Rapport talks to PostgreSQL: never `synchronize`, always migrations. */
export function dataSourceOptions(config: DataSourceConfig): DataSourceOptions {
  useFastDates();
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
    // Failed queries are logged without their parameters (SafeSqlLogger), whoever logs them.
    logger: config.logger ?? new SafeSqlLogger(),
    logging: config.logger && !(config.logger instanceof SafeSqlLogger) ? ['query', 'error'] : ['error', 'warn'],
    extra: {
      max: config.poolSize ?? 20,
      application_name: 'rapport',
      statement_timeout: config.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
      connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    },
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
