import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader } from '../shared/loader';
import { Complaint, FactualAccuracyComment } from './report.entity';

export function reportLoaders(em: EntityManager) {
  return {
    commentsByInspection: groupLoader(
      (ids: readonly string[]) =>
        em.find(FactualAccuracyComment, { inspection: { $in: [...ids] } }, { orderBy: [{ receivedOn: 'asc' }, { position: 'asc' }] }),
      (c) => c.inspection.id,
    ),
    complaintsByInspection: groupLoader(
      (ids: readonly string[]) => em.find(Complaint, { inspection: { $in: [...ids] } }, { orderBy: [{ lodgedOn: 'asc' }, { id: 'asc' }] }),
      (c) => c.inspection.id,
    ),
  };
}
