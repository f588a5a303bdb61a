import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { dateAndIdOf, keysetPage, toConnection, type ConnectionShape, type KeysetPage, type PageArgs } from './connection';

interface PageRequest {
  parentId: string;
  page: KeysetPage;
}

export interface PagedChildrenOptions<T extends object> {
  entity: new () => T;
  table: string;
  parentColumn: string;
  /** The two columns a page is ordered by, the second unique (e.g. recorded_at, id). */
  orderColumns: [string, string];
  /** SQL casts for the two cursor values, e.g. ['timestamptz', 'uuid']. */
  casts: [string, string];
  /** The cursor key of a row: its two order values joined by '|'. */
  keyOf: (row: T) => string;
}

/**
 * A DataLoader for Relay connections under many parents (an inspection's evidence, a setting's
 * inspections): one statement per distinct page request, however many parents ask. A window
 * function numbers each parent's rows after the cursor; the page plus one row is kept.
 */
export function pagedChildrenLoader<T extends object>(em: EntityManager, options: PagedChildrenOptions<T>) {
  const [first, second] = options.orderColumns;
  const fetch = async (requests: readonly PageRequest[]): Promise<ConnectionShape<T>[]> => {
    const groups = new Map<string, PageRequest[]>();
    for (const request of requests) {
      const key = JSON.stringify(request.page);
      groups.set(key, [...(groups.get(key) ?? []), request]);
    }
    const rowsByRequest = new Map<string, T[]>();
    for (const [pageKey, group] of groups) {
      const { page } = group[0];
      // Inside a mutation's transaction (the audit plugin's), read through it: the rows just written are seen.
      const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
      const direction = page.direction === 'forward' ? 'asc' : 'desc';
      const inner = knex(options.table)
        .select(
          '*',
          knex.raw(`row_number() over (partition by ?? order by ?? ${direction}, ?? ${direction}) as page_row`, [
            options.parentColumn,
            first,
            second,
          ]),
        )
        .whereIn(options.parentColumn, [...new Set(group.map((r) => r.parentId))]);
      for (const [cursor, op, argumentName] of [
        [page.after, '>', 'after'],
        [page.before, '<', 'before'],
      ] as const) {
        if (cursor === null) continue;
        const [a, b] = dateAndIdOf(cursor, argumentName);
        inner.whereRaw(`(??, ??) ${op} (?::${options.casts[0]}, ?::${options.casts[1]})`, [first, second, a, b]);
      }
      const rows: Record<string, unknown>[] = await knex
        .select('*')
        .from(inner.as('paged'))
        .where('page_row', '<=', page.size + 1)
        .orderBy([options.parentColumn, 'page_row']);
      for (const { page_row: _position, ...data } of rows) {
        const key = `${pageKey}#${data[options.parentColumn] as string}`;
        rowsByRequest.set(key, [...(rowsByRequest.get(key) ?? []), em.map(options.entity, data)]);
      }
    }
    return requests.map((r) => toConnection(r.page, rowsByRequest.get(`${JSON.stringify(r.page)}#${r.parentId}`) ?? [], options.keyOf));
  };
  const loader = new DataLoader<PageRequest, ConnectionShape<T>, string>(fetch, {
    cacheKeyFn: (request) => `${request.parentId}#${JSON.stringify(request.page)}`,
  });
  return (parentId: string, args: PageArgs) => loader.load({ parentId, page: keysetPage(args) });
}
