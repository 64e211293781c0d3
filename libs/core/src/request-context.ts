import type { Request } from 'express';
import DataLoader from 'dataloader';
import type { Role } from '@rapport/shared';

/** Who is calling: set by the auth guard from the bearer token. */
export interface Member {
  userId: string;
  organizationId: string;
  role: Role;
  tokenId: string;
}

/**
 * DataLoaders live for one request: created on first use, keyed by name, so a
 * list of 100 rows asks for its relations in one statement per relation.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

export interface RequestContext {
  req: Request & { member?: Member };
  loaders: Loaders;
}

/** Orders rows to match `keys` (DataLoader's contract); missing keys give null. */
export function byKey<T, K>(keys: readonly K[], rows: T[], key: (row: T) => K): (T | null)[] {
  const map = new Map<K, T>();
  for (const row of rows) map.set(key(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups rows per key, in `keys` order; a key with no rows gets []. */
export function groupByKey<T, K>(keys: readonly K[], rows: T[], key: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
