import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader, keyLoader } from '../shared/loader';
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
    evidenceById: keyLoader(
      (ids: readonly string[]) => em.find(Evidence, { id: { $in: [...ids] } }),
      (evidence) => evidence.id,
    ),
    protectedPersonById: keyLoader(
      (ids: readonly string[]) => em.find(ProtectedPerson, { id: { $in: [...ids] } }),
      (person) => person.id,
    ),
  };
}
