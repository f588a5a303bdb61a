import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader } from '../shared/loader';
import { CaseReview, NotificationTask } from './enforcement.entity';

export function enforcementLoaders(em: EntityManager) {
  return {
    caseReviewsByInspection: childrenLoader(em, CaseReview, 'inspection', { orderBy: [{ openedOn: 'asc' }, { id: 'asc' }] }),
    notificationTasksByInspection: childrenLoader(em, NotificationTask, 'inspection', {
      orderBy: [{ recipient: 'asc' }, { localAuthority: 'asc' }],
    }),
    caseReviewById: byIdLoader(em, CaseReview),
    notificationTaskById: byIdLoader(em, NotificationTask),
  };
}
