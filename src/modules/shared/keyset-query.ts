import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { dateAndIdOf, keysetPage, toConnection, type ConnectionShape, type PageArgs } from './connection';

/**
 * A page of `entity` rows matching `where`, ordered by two properties (the second unique), with
 * keyset pagination: the cursor holds both values joined by '|' (a date or instant, then an ID). `parse` turns the first back
 * from text (e.g. into a Date).
 */
export async function keysetList<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>[],
  args: PageArgs,
  order: {
    first: keyof T & string;
    second: keyof T & string;
    keyOf: (row: T) => string;
    parse?: (value: string) => unknown;
    /** Newest first: the list runs in descending order of the two properties. */
    descending?: boolean;
  },
): Promise<ConnectionShape<T>> {
  const page = keysetPage(args);
  const conditions = [...where];
  const [afterOp, beforeOp] = order.descending ? (['$lt', '$gt'] as const) : (['$gt', '$lt'] as const);
  for (const [cursor, op, argumentName] of [
    [page.after, afterOp, 'after'],
    [page.before, beforeOp, 'before'],
  ] as const) {
    if (cursor === null) continue;
    const [a, b] = dateAndIdOf(cursor, argumentName);
    const first = order.parse ? order.parse(a) : a;
    conditions.push({ $or: [{ [order.first]: { [op]: first } }, { [order.first]: first, [order.second]: { [op]: b } }] } as FilterQuery<T>);
  }
  const forwards = page.direction === 'forward' ? !order.descending : !!order.descending;
  const direction = forwards ? 'asc' : 'desc';
  const rows = await em.find(entity, (conditions.length ? { $and: conditions } : {}) as FilterQuery<T>, {
    orderBy: [{ [order.first]: direction }, { [order.second]: direction }] as never,
    limit: page.size + 1,
  });
  return toConnection(page, rows as T[], order.keyOf);
}
