import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity built from a row PostgreSQL returned (`RETURNING *`, column names as in
 * the table): what a plain-SQL write answers with, without reading the row again.
 */
export function hydrate<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = em.connection.getMetadata(entity);
  const result = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.databaseName in row) column.setEntityValue(result, em.connection.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return result;
}
