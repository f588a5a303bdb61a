import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader, groupLoader } from '../shared/loader';
import { pagedChildrenLoader } from '../shared/paged-children';
import { Evidence, ProtectedPerson } from './evidence.entity';

/** Evidence is listed in the order it was recorded: by time recorded, then ID. */
export const evidenceKey = (evidence: Evidence): string => `${evidence.recordedAt.toISOString()}|${evidence.id}`;

export function evidenceLoaders(em: EntityManager) {
  return {
    /** A page of an inspection's evidence; pages for many inspections are fetched together. */
    evidencePage: pagedChildrenLoader(em, {
      entity: Evidence,
      table: 'evidence',
      parentColumn: 'inspection_id',
      orderColumns: ['recorded_at', 'id'],
      casts: ['timestamptz', 'uuid'],
      keyOf: evidenceKey,
    }),
    protectedPeopleByInspection: childrenLoader(em, ProtectedPerson, 'inspection', { orderBy: { name: 'asc' } }),
    peopleByEvidence: groupLoader(
      async (ids: readonly string[]) => {
        const evidence = await em.find(Evidence, { id: { $in: [...ids] } }, { populate: ['people'] });
        return evidence.flatMap((e) => e.people.getItems().map((person) => ({ evidenceId: e.id, person })));
      },
      (row) => row.evidenceId,
    ),
    evidenceById: byIdLoader(em, Evidence),
    protectedPersonById: byIdLoader(em, ProtectedPerson),
  };
}
