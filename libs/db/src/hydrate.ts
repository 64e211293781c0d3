import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

import { preparedQuery } from './prepared.js';

/**
 * An entity built from a row PostgreSQL returned (`RETURNING *`, column names as in
 * the table): what a plain-SQL write answers with, without reading the row again.
 */
export function hydrate<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, row: Record<string, unknown>): T {
  return hydrator<T>(em, entity)(row);
}

// Column types whose value, as pg parses it, TypeORM keeps as it is (PostgresDriver's
// prepareHydratedValue): these are copied straight onto the entity.
const AS_PARSED = new Set<unknown>([
  'uuid',
  'text',
  'varchar',
  'character varying',
  'citext',
  'integer',
  'int',
  'smallint',
  'boolean',
  Boolean,
  String,
  'jsonb',
  'json',
]);
// Dates come parsed from a column, as text from `row_to_json`: TypeORM makes a Date of the latter.
const DATES = new Set<unknown>(['timestamptz', 'timestamp with time zone']);

const hydrators = new WeakMap<EntityMetadata, (row: Record<string, unknown>) => ObjectLiteral>();

/**
 * Builds rows into entities of one table, as TypeORM would. Worked out once per entity: a
 * page of 100 conversations with their contacts and issues builds some 300 of them, and
 * asking TypeORM column by column (its type switch, its embedded and relation checks) was
 * a visible share of that page's time. Columns of other kinds (`date`, numbers, enums,
 * transformers, embedded or relation-only) still go through TypeORM.
 */
function hydrator<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>): (row: Record<string, unknown>) => T {
  const metadata = em.connection.getMetadata(entity);
  let build = hydrators.get(metadata);
  if (!build) {
    const driver = em.connection.driver;
    const plain: [databaseName: string, propertyName: string, date: boolean][] = [];
    const other: EntityMetadata['columns'] = [];
    for (const column of metadata.columns) {
      const direct =
        !column.embeddedMetadata &&
        !column.transformer &&
        !column.isArray &&
        !(column.isVirtual && column.referencedColumn && column.referencedColumn.propertyName !== column.propertyName) &&
        (AS_PARSED.has(column.type) || DATES.has(column.type));
      if (direct) plain.push([column.databaseName, column.propertyName, DATES.has(column.type)]);
      else other.push(column);
    }
    build = (row) => {
      const result = metadata.create() as Record<string, unknown>;
      for (const [databaseName, propertyName, date] of plain) {
        if (!(databaseName in row)) continue;
        const value = row[databaseName];
        result[propertyName] = date && typeof value === 'string' ? new Date(value) : value;
      }
      for (const column of other) {
        if (column.databaseName in row) column.setEntityValue(result, driver.prepareHydratedValue(row[column.databaseName], column));
      }
      return result;
    };
    hydrators.set(metadata, build);
  }
  return build as (row: Record<string, unknown>) => T;
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
  const build = hydrator(em, entity);
  return rows.map(build);
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
