import { createHash } from 'node:crypto';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}
interface PostgresDriverPool {
  /** A pooled connection and its release; `release(error)` closes the connection instead of returning it. */
  obtainMasterConnection(): Promise<[PgClient, (error?: Error) => void]>;
}

/** One name per statement text (the text, not its values: a name is bound to one text on a connection). */
const names = new Map<string, string>();
function nameOf(sql: string): string {
  let name = names.get(sql);
  if (!name) names.set(sql, (name = `rapport_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`));
  return name;
}

/**
 * PostgreSQL refuses a prepared statement whose result type changed under it ("cached
 * plan must not change result type", 0A000: a migration altered a column's type while
 * this api ran): the connection is closed rather than pooled, so the next use prepares
 * it afresh.
 */
const planInvalid = (error: unknown) => (error as { code?: string } | undefined)?.code === '0A000';

/**
 * Inside a transaction the connection is the transaction's: whoever opened it rolls back
 * and releases it. A statement whose plan became invalid fails on that connection at every
 * use, so its release is made to close it, as a release with an error does in pg-pool.
 * (`releaseCallback` is TypeORM's own: PostgresQueryRunner passes its argument to pg-pool.)
 */
function closeOnRelease(runner: QueryRunner, error: Error): void {
  const owned = runner as unknown as { releaseCallback?: (error?: Error) => void };
  const release = owned.releaseCallback;
  if (release) owned.releaseCallback = () => release(error);
}

/**
 * `em.query(sql, params)` as a named prepared statement: PostgreSQL parses and plans it
 * once per connection instead of at every call. For the statements every request runs
 * (the token check, logConversation's one statement, the lists and their loaders), where
 * that work showed. Inside a transaction it runs on the transaction's connection. It is
 * logged as TypeORM logs its queries (the statement counters of the tests see it), and a
 * failure comes back as TypeORM's QueryFailedError (its `driverError` holds the SQLSTATE),
 * logged without the parameters.
 *
 * A statement's text must not be built from values (they go in `params`), or every call
 * would prepare a new one on each connection. It names its columns (`columnList`), not
 * `*`: PostgreSQL refuses a prepared statement whose result type a migration changed,
 * and during a rolling deploy the older api still runs after the newer one migrated
 * (adding a column, the usual change, then leaves it alone).
 */
export async function preparedQuery<T = Record<string, unknown>>(em: EntityManager | DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const manager = 'manager' in em ? em.manager : em;
  const runner = manager.queryRunner;
  if (runner?.isReleased) throw new QueryRunnerAlreadyReleasedError();
  manager.connection.logger.logQuery(sql, params, runner);
  const [client, release]: [PgClient, (error?: Error) => void] = runner
    ? [(await runner.connect()) as PgClient, (error) => error && closeOnRelease(runner, error)]
    : await (manager.connection.driver as unknown as PostgresDriverPool).obtainMasterConnection();
  let failure: unknown;
  try {
    return (await client.query({ name: nameOf(sql), text: sql, values: params })).rows as T[];
  } catch (error) {
    failure = error;
    manager.connection.logger.logQueryError(error as Error, sql, [], runner);
    throw new QueryFailedError(sql, params, error as Error);
  } finally {
    // A refusal (rapport_refuse, a constraint) leaves the connection sound: back to the pool.
    release(planInvalid(failure) ? (failure as Error) : undefined);
  }
}
