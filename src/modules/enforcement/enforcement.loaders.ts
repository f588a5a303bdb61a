import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader, keyLoader } from '../shared/loader';
import { CaseReview, NotificationTask } from './enforcement.entity';

export function enforcementLoaders(em: EntityManager) {
  return {
    caseReviewsByInspection: groupLoader(
      (ids: readonly string[]) => em.find(CaseReview, { inspection: { $in: [...ids] } }, { orderBy: [{ openedOn: 'asc' }, { id: 'asc' }] }),
      (r) => r.inspection.id,
    ),
    notificationTasksByInspection: groupLoader(
      (ids: readonly string[]) =>
        em.find(NotificationTask, { inspection: { $in: [...ids] } }, { orderBy: [{ recipient: 'asc' }, { localAuthority: 'asc' }] }),
      (t) => t.inspection.id,
    ),
    caseReviewById: keyLoader(
      (ids: readonly string[]) => em.find(CaseReview, { id: { $in: [...ids] } }),
      (r) => r.id,
    ),
    notificationTaskById: keyLoader(
      (ids: readonly string[]) => em.find(NotificationTask, { id: { $in: [...ids] } }),
      (t) => t.id,
    ),
  };
}
