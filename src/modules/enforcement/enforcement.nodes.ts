import { Permission } from '../../domain/access';
import { registerRecordedAtInspection } from '../inspections';

/* node(id) for what an inspection's outcome opened: for those who may read inspections, within the inspection's scope. */
registerRecordedAtInspection(Permission.READ_INSPECTIONS, {
  CaseReview: (loaders, key) => loaders.caseReviewById.load(key),
  NotificationTask: (loaders, key) => loaders.notificationTaskById.load(key),
});
