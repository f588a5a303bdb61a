import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { keysetPage, toConnection, type ConnectionShape, type PageArgs } from './connection';

/**
 * A page of `entity` rows matching `where`, ordered by two properties (the second unique), with
 * keyset pagination: the cursor holds both values joined by '|'. `parse` turns the first back
 * from text (e.g. into a Date).
 */
export async function keysetList<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>[],
  args: PageArgs,
  order: { first: keyof T & string; second: keyof T & string; keyOf: (row: T) => string; parse?: (value: string) => unknown },
): Promise<ConnectionShape<T>> {
  const page = keysetPage(args);
  const conditions = [...where];
  for (const [cursor, op] of [
    [page.after, '$gt'],
    [page.before, '$lt'],
  ] as const) {
    if (cursor === null) continue;
    const [a, b] = cursor.split('|');
    const first = order.parse ? order.parse(a) : a;
    conditions.push({ $or: [{ [order.first]: { [op]: first } }, { [order.first]: first, [order.second]: { [op]: b } }] } as FilterQuery<T>);
  }
  const direction = page.direction === 'forward' ? 'asc' : 'desc';
  const rows = await em.find(entity, (conditions.length ? { $and: conditions } : {}) as FilterQuery<T>, {
    orderBy: [{ [order.first]: direction }, { [order.second]: direction }] as never,
    limit: page.size + 1,
  });
  return toConnection(page, rows as T[], order.keyOf);
}
