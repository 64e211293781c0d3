import { createHash } from 'node:crypto';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** One name per statement text (the text, not its values: a name is bound to one text on a connection). */
const names = new Map<string, string>();
function nameOf(sql: string): string {
  let name = names.get(sql);
  if (!name) names.set(sql, (name = `rapport_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`));
  return name;
}

/**
 * `em.query(sql, params)` as a named prepared statement: PostgreSQL parses and plans it
 * once per connection instead of at every call. For the statements every request runs
 * (the token check, logConversation's one statement), where that work showed. Inside a
 * transaction it runs on the transaction's connection. A failure comes back as TypeORM's
 * QueryFailedError (its `driverError` holds the SQLSTATE) and is logged as TypeORM would,
 * without the parameters.
 *
 * A statement's text must not be built from values (they go in `params`), or every call
 * would prepare a new one on each connection. It names its columns (`columnList`), not
 * `*`: PostgreSQL refuses a prepared statement whose result type a migration changed,
 * and during a rolling deploy the older api still runs after the newer one migrated.
 */
export async function preparedQuery<T = Record<string, unknown>>(em: EntityManager | DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const manager = 'manager' in em ? em.manager : em;
  const runner = manager.queryRunner;
  const client = (runner && !runner.isReleased ? await runner.connect() : (manager.connection.driver as unknown as { master: PgClient }).master) as PgClient;
  try {
    return (await client.query({ name: nameOf(sql), text: sql, values: params })).rows as T[];
  } catch (error) {
    manager.connection.logger.logQueryError(error as Error, sql, [], runner);
    throw new QueryFailedError(sql, params, error as Error);
  }
}
