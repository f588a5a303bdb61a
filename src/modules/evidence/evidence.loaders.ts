import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { keysetPage, toConnection, type ConnectionShape, type KeysetPage, type PageArgs } from '../shared/connection';
import { groupLoader } from '../shared/loader';
import { Evidence, ProtectedPerson } from './evidence.entity';

/** Evidence is listed in the order it was recorded: by time recorded, then ID. */
export const evidenceKey = (evidence: Evidence): string => `${evidence.recordedAt.toISOString()}|${evidence.id}`;

interface PageRequest {
  inspectionId: string;
  page: KeysetPage;
}

/**
 * Pages of evidence for many inspections in one statement per distinct page request: a window
 * function numbers each inspection's rows after the cursor, and the page plus one row is kept.
 */
async function fetchPages(em: EntityManager, requests: readonly PageRequest[]): Promise<ConnectionShape<Evidence>[]> {
  const groups = new Map<string, PageRequest[]>();
  for (const request of requests) {
    const key = JSON.stringify(request.page);
    groups.set(key, [...(groups.get(key) ?? []), request]);
  }
  const rowsByInspection = new Map<string, Evidence[]>();
  for (const group of groups.values()) {
    const { page } = group[0];
    const knex = em.getKnex();
    const direction = page.direction === 'forward' ? 'asc' : 'desc';
    const inner = knex('evidence')
      .select('*', knex.raw(`row_number() over (partition by inspection_id order by recorded_at ${direction}, id ${direction}) as page_row`))
      .whereIn('inspection_id', [...new Set(group.map((r) => r.inspectionId))]);
    for (const [cursor, op] of [
      [page.after, '>'],
      [page.before, '<'],
    ] as const) {
      if (cursor === null) continue;
      const [recordedAt, id] = cursor.split('|');
      inner.whereRaw(`(recorded_at, id) ${op} (?::timestamptz, ?::uuid)`, [recordedAt, id]);
    }
    const rows: Record<string, unknown>[] = await knex.select('*').from(inner.as('e')).where('page_row', '<=', page.size + 1).orderBy(['inspection_id', 'page_row']);
    for (const row of rows) {
      const { page_row: _row, ...data } = row;
      const evidence = em.map(Evidence, data);
      const inspectionId = data.inspection_id as string;
      rowsByInspection.set(`${JSON.stringify(page)}#${inspectionId}`, [...(rowsByInspection.get(`${JSON.stringify(page)}#${inspectionId}`) ?? []), evidence]);
    }
  }
  return requests.map((r) => toConnection(r.page, rowsByInspection.get(`${JSON.stringify(r.page)}#${r.inspectionId}`) ?? [], evidenceKey));
}

export function evidenceLoaders(em: EntityManager) {
  const pages = new DataLoader<PageRequest, ConnectionShape<Evidence>, string>((requests) => fetchPages(em, requests), {
    cacheKeyFn: (request) => `${request.inspectionId}#${JSON.stringify(request.page)}`,
  });
  return {
    /** A page of an inspection's evidence; pages for many inspections are fetched together. */
    evidencePage: (inspectionId: string, args: PageArgs) => pages.load({ inspectionId, page: keysetPage(args) }),
    protectedPeopleByInspection: groupLoader(
      (ids: readonly string[]) => em.find(ProtectedPerson, { inspection: { $in: [...ids] } }, { orderBy: { name: 'asc' } }),
      (person) => person.inspection.id,
    ),
    peopleByEvidence: groupLoader(
      async (ids: readonly string[]) => {
        const evidence = await em.find(Evidence, { id: { $in: [...ids] } }, { populate: ['people'] });
        return evidence.flatMap((e) => e.people.getItems().map((person) => ({ evidenceId: e.id, person })));
      },
      (row) => row.evidenceId,
    ),
    evidenceById: new DataLoader<string, Evidence | null>(async (ids) => {
      const rows = await em.find(Evidence, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((e) => [e.id, e]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
