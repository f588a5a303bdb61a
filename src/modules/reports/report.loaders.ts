import type { EntityManager } from '@mikro-orm/postgresql';
import { childrenLoader } from '../shared/loader';
import { Complaint, FactualAccuracyComment } from './report.entity';

export function reportLoaders(em: EntityManager) {
  return {
    commentsByInspection: childrenLoader(em, FactualAccuracyComment, 'inspection', {
      orderBy: [{ receivedOn: 'asc' }, { position: 'asc' }],
    }),
    complaintsByInspection: childrenLoader(em, Complaint, 'inspection', { orderBy: [{ lodgedOn: 'asc' }, { id: 'asc' }] }),
  };
}
