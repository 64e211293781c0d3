import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { preparedQuery } from './prepared.js';

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

/**
 * Rows of one table as entities, in plain SQL (`SELECT <columns> FROM <table> WHERE <where>`):
 * for the lists and DataLoaders read on every page, where building the query through
 * TypeORM cost more than PostgreSQL took to answer it. A prepared statement (planned once
 * per connection): `where` and `rest` are code, their values go in `params`.
 */
export async function selectEntities<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  where: string,
  params: unknown[],
  rest = '',
): Promise<T[]> {
  const { tableName } = em.connection.getMetadata(entity);
  const rows = await preparedQuery(em, `SELECT ${columnList(em, entity)} FROM ${tableName} WHERE ${where} ${rest}`, params);
  return rows.map((row) => hydrate(em, entity, row));
}

/**
 * The entity's columns, as a select list (`u.id, u.email, …` with `alias`): what
 * `hydrate` needs, named rather than `*`, so that a prepared statement keeps its result
 * type when a migration adds a column while an older api still runs.
 */
export function columnList(em: EntityManager, entity: EntityTarget<ObjectLiteral>, alias?: string): string {
  return em.connection
    .getMetadata(entity)
    .columns.map((column) => (alias ? `${alias}.${column.databaseName}` : column.databaseName))
    .join(', ');
}
