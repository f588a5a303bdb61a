import type { EntityClass, FilterQuery, ObjectQuery, OrderDefinition } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/**
 * A per-request DataLoader that fetches many rows by key in one statement and hands each key its
 * row (or null). Loaders live in the request context only: never shared between requests.
 */
export function keyLoader<K extends string, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Rows grouped by a key, each group in the rows' order (Map.groupBy, which Node 20 lacks). */
export function groupBy<K, V>(rows: Iterable<V>, keyOf: (row: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** A per-request DataLoader for one-to-many relations: each key gets its (possibly empty) list. */
export function groupLoader<K extends string, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (value: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = groupBy(await fetch(keys), keyOf);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** The properties of `T` that refer to one row with a string `id` (a `ManyToOne` reference). */
type ParentKey<T> = { [P in keyof T]-?: NonNullable<T[P]> extends { id: string } ? P : never }[keyof T] & string;

/** A per-request DataLoader of one entity's rows by `id`: `keyLoader` over `em.find(entity, { id: { $in } })`. */
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>): DataLoader<string, T | null> {
  return keyLoader(
    (ids: readonly string[]) => em.find(entity, { id: { $in: [...ids] } } as ObjectQuery<{ id: string }> as FilterQuery<T>),
    (row) => row.id,
  );
}

/**
 * A per-request DataLoader of the rows of `entity` that belong to each parent (by the reference
 * `parent`, e.g. an inspection's comments), in `orderBy` order: `groupLoader` over one
 * `em.find(entity, { [parent]: { $in: parentIds }, ...where })`.
 */
export function childrenLoader<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  parent: ParentKey<T>,
  options: { where?: FilterQuery<T> & object; orderBy: OrderDefinition<T> },
): DataLoader<string, T[]> {
  return groupLoader(
    (ids: readonly string[]) =>
      em.find(entity, { [parent]: { $in: [...ids] }, ...options.where } as FilterQuery<T>, { orderBy: options.orderBy }),
    (row) => (row[parent] as { id: string }).id,
  );
}
