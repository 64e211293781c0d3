import { In, type EntityManager, type EntityTarget, type FindOptionsRelations, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { isUuid, notFound } from '@rapport/core';

/**
 * "Yours or NOT_FOUND", the one way every service reads a row by id.
 *
 * Every domain row belongs to one organisation (TenantEntity): another
 * organisation's id must read exactly like an unknown one, and an id that is not
 * a uuid can match no row, so it is NOT_FOUND without asking PostgreSQL (which
 * would otherwise answer "invalid input syntax for type uuid").
 */
export interface OwnedOptions<T> {
  /** Where the id came from in the input ("input.campaignId"), named in the error; `id` (the default) names only the thing. */
  field?: string;
  /** What the error calls the row ("decision-maker"); defaults to the entity's name in lower case. */
  label?: string;
  /** Further conditions for the row to count as there (e.g. `{ erasedAt: IsNull() }`). */
  where?: FindOptionsWhere<T>;
  relations?: FindOptionsRelations<T>;
  /** Lock the row (SELECT … FOR UPDATE) until the transaction ends. */
  lock?: boolean;
}

type Owned = ObjectLiteral & { id: string; organizationId: string };

const labelOf = (entity: EntityTarget<unknown>, label?: string): string =>
  label ?? (typeof entity === 'function' ? entity.name : String(entity)).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** The NOT_FOUND error naming the field ("input.contactId: contact <id> not found"); ids are cut to 40 characters. */
export const ownedNotFound = (field: string, label: string, id: unknown) => notFound(field === 'id' ? label : `${field}: ${label}`, String(id).slice(0, 40));

/** The organisation's row with this id, or NOT_FOUND naming the field. */
export async function findOwned<T extends Owned>(
  em: EntityManager,
  entity: EntityTarget<T>,
  organizationId: string,
  id: string,
  options: OwnedOptions<T> = {},
): Promise<T> {
  const { field = 'id', where, relations, lock } = options;
  const row = isUuid(id)
    ? await em.findOne(entity, {
        where: { ...where, id, organizationId } as FindOptionsWhere<T>,
        ...(relations ? { relations } : {}),
        ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      })
    : null;
  if (!row) throw ownedNotFound(field, labelOf(entity, options.label), id);
  return row;
}

/**
 * Every id is one of the organisation's rows (one statement), or NOT_FOUND naming
 * the first missing one; `field` may name each id's own place ("input.roles[2].contactId").
 * Returns the rows in the order given, duplicates removed.
 */
export async function findAllOwned<T extends Owned>(
  em: EntityManager,
  entity: EntityTarget<T>,
  organizationId: string,
  ids: string[],
  options: Omit<OwnedOptions<T>, 'field' | 'relations'> & { field: string | ((id: string) => string) },
): Promise<T[]> {
  const fieldOf = (id: string) => (typeof options.field === 'string' ? options.field : options.field(id));
  const label = labelOf(entity, options.label);
  const unique = [...new Set(ids)];
  const invalid = unique.find((id) => !isUuid(id));
  if (invalid !== undefined) throw ownedNotFound(fieldOf(invalid), label, invalid);
  if (unique.length === 0) return [];
  const found = await em.find(entity, {
    where: { ...options.where, id: In(unique), organizationId } as FindOptionsWhere<T>,
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const }, order: { id: 'ASC' } as never } : {}),
  });
  const byId = new Map(found.map((row) => [row.id, row]));
  const missing = unique.find((id) => !byId.has(id));
  if (missing !== undefined) throw ownedNotFound(fieldOf(missing), label, missing);
  return unique.map((id) => byId.get(id)!);
}

/** What a service's `get(member, id, options)` takes: the transaction to read in, the field to name, whether to lock. */
export interface GetOptions {
  em?: EntityManager;
  field?: string;
  lock?: boolean;
}
